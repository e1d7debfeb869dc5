package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import dev.tailgap.reports.Comparison.ComparedRun;
import dev.tailgap.reports.Comparison.Disagreement;
import dev.tailgap.reports.Comparison.PairedBucket;
import dev.tailgap.reports.Comparison.PairedComparison;
import dev.tailgap.reports.Comparison.RankedRun;

/**
 * A {@link Comparison} as JSON, pretty-printed like {@link JsonReport} (same rounding; p-values with six significant
 * digits). Keys, in order:
 * <pre>
 * schemaVersion   integer   1 ({@link Comparison#SCHEMA_VERSION})
 * kind            string    "comparison"
 * tool            string or null
 * dataset         object    as in a report
 * bucketing       string or null   the baseline's scheme; every run is bucketed with the baseline's buckets
 * baseline        string    label of the first run
 * tail            string or null   the bucket the ranking uses
 * alpha           number    Holm-adjusted p-values below it are significant (0.05)
 * runs            array     {label, run (directory name), report (a whole report, see JsonReport)}
 * pairs           array     one per non-baseline run: {baseline, other, buckets: [row], overall: row, gap,
 *                            hallucination: [rate], abstention: [rate]}
 *   rate = {bucket, pairs, baselineOnly, otherOnly (items with the outcome in that run only), difference (other
 *          minus baseline rate, Newcombe paired 95%), pValue (exact McNemar), adjustedP (Holm across buckets),
 *          significant}
 *   gap = {head, tail (the baseline's, null without them), before, after (each run's head minus tail accuracy,
 *          Newcombe), headChange, tailChange (paired, other minus baseline), change (headChange - tailChange,
 *          MOVER paired 95% interval), note (why there is no gap, or null)}
 *   row = {bucket, pairs, bothCorrect, baselineOnly, otherOnly, neither, unpaired,
 *          difference (estimate: other minus baseline accuracy on the pairs, Newcombe paired 95% interval),
 *          pValue (exact McNemar, null without pairs), adjustedP (Holm across buckets; null for overall),
 *          significant (boolean)}
 * ranking         array     {label, tailAccuracy (estimate)}, best first
 * disagreements   object    {total, perBucket: [{bucket, count}], capPerBucket,
 *                            items: [{id, question, gold, bucket, runs: [{label, outcome, answer}]}]}
 * </pre>
 */
public final class ComparisonJson {
    private ComparisonJson() {
    }

    /** The comparison as JSON text, ending in a newline. */
    public static String render(Comparison c) {
        StringWriter w = new StringWriter(32 * 1024);
        try (JsonGenerator g = JsonTrees.FACTORY.createGenerator(w)) {
            g.setPrettyPrinter(JsonReport.printer());
            g.writeStartObject();
            g.writeNumberField("schemaVersion", c.schemaVersion());
            g.writeStringField("kind", "comparison");
            g.writeStringField("tool", c.tool());
            JsonReport.writeDataset(g, c.dataset());
            g.writeStringField("bucketing", c.bucketing());
            g.writeStringField("baseline", c.runs().get(0).label());
            g.writeStringField("tail", c.tail());
            g.writeFieldName("alpha");
            g.writeNumber(Numbers.json6(Comparison.ALPHA));
            g.writeArrayFieldStart("runs");
            for (ComparedRun r : c.runs()) {
                g.writeStartObject();
                g.writeStringField("label", r.label());
                g.writeStringField("run", r.run());
                g.writeFieldName("report");
                JsonReport.write(g, r.report());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("pairs");
            for (PairedComparison p : c.pairs()) {
                g.writeStartObject();
                g.writeStringField("baseline", p.baseline());
                g.writeStringField("other", p.other());
                g.writeArrayFieldStart("buckets");
                for (PairedBucket b : p.buckets()) {
                    row(g, b);
                }
                g.writeEndArray();
                g.writeFieldName("overall");
                row(g, p.overall());
                Comparison.GapShift gap = p.gap();
                if (gap != null) {
                    g.writeObjectFieldStart("gap");
                    g.writeStringField("head", gap.head());
                    g.writeStringField("tail", gap.tail());
                    JsonReport.writeEstimate(g, "before", gap.before(), "gap");
                    JsonReport.writeEstimate(g, "after", gap.after(), "gap");
                    JsonReport.writeEstimate(g, "headChange", gap.headChange(), "gap");
                    JsonReport.writeEstimate(g, "tailChange", gap.tailChange(), "gap");
                    JsonReport.writeEstimate(g, "change", gap.change(), "gap");
                    g.writeStringField("note", gap.note());
                    g.writeEndObject();
                }
                PairedRatesTable.json(g, p);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ranking");
            for (RankedRun r : c.ranking()) {
                g.writeStartObject();
                g.writeStringField("label", r.label());
                JsonReport.writeEstimate(g, "tailAccuracy", r.tailAccuracy(), "ranking");
                g.writeEndObject();
            }
            g.writeEndArray();
            Comparison.Disagreements d = c.disagreements();
            g.writeObjectFieldStart("disagreements");
            g.writeNumberField("total", d.total());
            g.writeArrayFieldStart("perBucket");
            Report base = c.runs().get(0).report();
            for (int i = 0; i < d.perBucket().size(); i++) {
                g.writeStartObject();
                g.writeStringField("bucket", i < base.buckets().size() ? base.buckets().get(i).name() : null);
                g.writeNumberField("count", d.perBucket().get(i));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("capPerBucket", d.capPerBucket());
            g.writeArrayFieldStart("items");
            for (Disagreement x : d.items()) {
                g.writeStartObject();
                g.writeStringField("id", x.id());
                g.writeStringField("question", x.question());
                g.writeArrayFieldStart("gold");
                for (String a : x.gold()) {
                    g.writeString(a);
                }
                g.writeEndArray();
                g.writeStringField("bucket", x.bucket());
                g.writeArrayFieldStart("runs");
                for (int i = 0; i < x.outcomes().size(); i++) {
                    g.writeStartObject();
                    g.writeStringField("label", c.runs().get(i).label());
                    g.writeStringField("outcome", x.outcomes().get(i).name());
                    g.writeStringField("answer", x.answers().get(i));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.append('\n').toString();
    }

    private static void row(JsonGenerator g, PairedBucket b) throws IOException {
        g.writeStartObject();
        g.writeStringField("bucket", b.bucket());
        g.writeNumberField("pairs", b.pairs());
        g.writeNumberField("bothCorrect", b.bothCorrect());
        g.writeNumberField("baselineOnly", b.baselineOnly());
        g.writeNumberField("otherOnly", b.otherOnly());
        g.writeNumberField("neither", b.neither());
        g.writeNumberField("unpaired", b.unpaired());
        JsonReport.writeEstimate(g, "difference", b.difference(), b.bucket());
        p(g, "pValue", b.pValue());
        p(g, "adjustedP", b.adjustedP());
        g.writeBooleanField("significant", b.significant());
        g.writeEndObject();
    }

    /** Writes {@code name}: {@code v} to six significant digits, or null when it is not a number. */
    static void p(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        if (Double.isNaN(v)) {
            g.writeNull();
        } else {
            g.writeNumber(Numbers.sig6(v));
        }
    }
}
