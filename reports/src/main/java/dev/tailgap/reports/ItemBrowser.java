package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The item browser of the HTML report: its controls and table skeleton, and the items as a JSON data island that
 * {@code samples.js} reads. Untrusted text travels only inside the island (escaped by {@link Html#islandGenerator}) and
 * is shown with text nodes.
 */
final class ItemBrowser {
    private static final Outcome[] OUTCOMES = Outcome.values();

    private ItemBrowser() {
    }

    static void skeleton(StringBuilder sb, Report r, ItemSample sample) {
        List<ItemResult> items = sample.items();
        Map<String, Integer> perBucket = new HashMap<>();
        int[] perOutcome = new int[OUTCOMES.length];
        for (ItemResult it : items) {
            perBucket.merge(it.bucket(), 1, Integer::sum);
            perOutcome[it.outcome().ordinal()]++;
        }
        sb.append("<section id=\"samples\">\n<h2>Items</h2>\n");
        if (sample.sampled()) {
            sb.append("<p class=\"note\" id=\"samples-sampled\">").append(Html.text(Numbers.count(items.size())
                    + " of " + Numbers.count(sample.total()) + " items shown: a fixed sample, stratified by bucket and"
                    + " outcome (an equal share for each pair, so rare outcomes stay in view); filters and counts"
                    + " below are over the sample. Every item is in the run's items.jsonl and items.csv"
                    + " (tailgap report --format csv).")).append("</p>\n");
        }
        sb.append("<div id=\"samples-controls\" class=\"controls\" hidden>\n")
                .append("<label>Bucket <select id=\"f-bucket\"><option value=\"\">all buckets</option>");
        List<String> names = bucketNames(r, items);
        for (int i = 0; i < names.size(); i++) {
            sb.append("<option value=\"").append(i).append("\">").append(Html.text(Phrases.plain(names.get(i))
                    + " (" + Numbers.count(perBucket.getOrDefault(names.get(i), 0)) + ")")).append("</option>");
        }
        sb.append("</select></label>\n<label>Outcome <select id=\"f-outcome\"><option value=\"\">all outcomes")
                .append("</option>");
        for (Outcome o : OUTCOMES) {
            sb.append("<option value=\"").append(o.ordinal()).append("\">")
                    .append(o.name().toLowerCase(Locale.ROOT)).append(" (")
                    .append(Numbers.count(perOutcome[o.ordinal()])).append(")</option>");
        }
        sb.append("</select></label>\n");
        List<String> relations = relationNames(items);
        if (relations.size() > 1) {
            sb.append("<label>Relation <select id=\"f-relation\"><option value=\"\">all relations</option>");
            for (int i = 0; i < relations.size(); i++) {
                sb.append("<option value=\"").append(i).append("\">").append(Html.text(Phrases.plain(relations.get(i))))
                        .append("</option>");
            }
            sb.append("</select></label>\n");
        }
        sb.append("<input type=\"search\" id=\"f-search\" placeholder=\"Search questions, gold and model answers, ids\" ")
                .append("aria-label=\"Search\">\n</div>\n")
                .append("<noscript><p class=\"note\">The item browser needs JavaScript; the items are also in the run's")
                .append(" items.jsonl.</p></noscript>\n")
                .append("<div class=\"scroll\"><table id=\"samples-table\">\n<thead><tr><th class=\"num\">#</th>")
                .append("<th>Bucket</th><th class=\"num\">Frequency</th><th>Question</th><th>Gold answers</th>")
                .append("<th>Model answer</th><th>Outcome</th><th>Why</th></tr></thead>\n<tbody id=\"samples-body\"></tbody>")
                .append("</table></div>\n<div class=\"pager\"><span id=\"samples-status\"></span><span>")
                .append("<button type=\"button\" id=\"page-prev\">\u2190 Previous</button> ")
                .append("<button type=\"button\" id=\"page-next\">Next \u2192</button></span></div>\n</section>\n");
    }

    /** The report's bucket names, plus the names of any item buckets the report does not know, sorted. */
    private static List<String> bucketNames(Report r, List<ItemResult> items) {
        List<String> names = new ArrayList<>();
        for (BucketStats b : r.buckets()) {
            names.add(b.name());
        }
        Map<String, Integer> known = ItemSample.bucketIndex(r);
        TreeMap<String, Boolean> unknown = new TreeMap<>();
        for (ItemResult it : items) {
            if (!known.containsKey(it.bucket())) {
                unknown.put(it.bucket(), true);
            }
        }
        names.addAll(unknown.keySet());
        return names;
    }

    private static List<String> relationNames(List<ItemResult> items) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        for (ItemResult it : items) {
            if (it.relation() != null) {
                names.put(it.relation(), true);
            }
        }
        return new ArrayList<>(names.keySet());
    }

    /** {"buckets":[...],"outcomes":[...],"relations":[...],"items":[[id,question,answers,answer,outcome,bucket,frequency,relation,error,reason,judgeVerdict],...]} */
    static void writeItems(Writer out, Report r, List<ItemResult> items) throws IOException {
        List<String> buckets = bucketNames(r, items);
        Map<String, Integer> bucketIndex = new HashMap<>();
        for (int i = 0; i < buckets.size(); i++) {
            bucketIndex.putIfAbsent(buckets.get(i), i);
        }
        List<String> relations = relationNames(items);
        Map<String, Integer> relationIndex = new HashMap<>();
        for (int i = 0; i < relations.size(); i++) {
            relationIndex.put(relations.get(i), i);
        }
        try (JsonGenerator g = Html.islandGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("buckets");
            for (String b : buckets) {
                g.writeString(b);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("outcomes");
            for (Outcome o : OUTCOMES) {
                g.writeString(o.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relations");
            for (String rel : relations) {
                g.writeString(rel);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("items");
            for (ItemResult it : items) {
                g.writeRaw('\n');
                g.writeStartArray();
                g.writeString(it.id());
                g.writeString(it.question());
                g.writeStartArray();
                for (String a : it.answers()) {
                    g.writeString(a);
                }
                g.writeEndArray();
                g.writeString(cut(it.rawAnswer()));
                g.writeNumber(it.outcome().ordinal());
                g.writeNumber(bucketIndex.get(it.bucket()));
                g.writeString(Numbers.compact(it.frequency()));
                g.writeNumber(it.relation() == null ? -1 : relationIndex.get(it.relation()));
                g.writeString(it.error());
                g.writeString(it.reason());
                g.writeString(it.judge() == null ? null : it.judge().verdict());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static String cut(String answer) {
        if (answer == null || answer.length() <= HtmlReport.MAX_ANSWER_CHARS) {
            return answer;
        }
        int end = HtmlReport.MAX_ANSWER_CHARS - 1;
        if (Character.isHighSurrogate(answer.charAt(end - 1))) {
            end--;
        }
        return answer.substring(0, end) + "\u2026";
    }
}
