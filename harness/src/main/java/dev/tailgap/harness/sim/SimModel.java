package dev.tailgap.harness.sim;

import dev.tailgap.datasets.Item;
import dev.tailgap.harness.scoring.RuleScorer;
import dev.tailgap.harness.scoring.Scorer;
import dev.tailgap.harness.scoring.ScoringItem;
import dev.tailgap.reports.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A synthetic model with known truth, for demos, tests and benchmarks: it answers the dataset's own questions
 * following {@link SimParams}. It finds the question in a prompt as the text after the last {@code Question:} (or
 * {@code Q:}) marker on its line, or the whole prompt; a question it has never seen gets "unsure".
 * Immutable and thread-safe.
 */
public final class SimModel {
    /** What the model says when it does not know and does not guess. */
    public static final String ABSTAIN = "unsure";

    /** What the model decided for one item. */
    public enum Decision { KNOWS, HALLUCINATES, ABSTAINS }

    private final SimParams params;
    private final Map<String, Item> byQuestion;
    private final Map<String, List<String>> answersByRelation;
    private final Scorer matcher = RuleScorer.contains();

    private SimModel(SimParams params, Map<String, Item> byQuestion, Map<String, List<String>> answersByRelation) {
        this.params = params;
        this.byQuestion = byQuestion;
        this.answersByRelation = answersByRelation;
    }

    /** Learns the items (their questions, answers and frequencies). */
    public static SimModel of(Iterable<Item> items, SimParams params) {
        Map<String, Item> byQuestion = new HashMap<>();
        Map<String, TreeSet<String>> pools = new TreeMap<>();
        for (Item item : items) {
            byQuestion.putIfAbsent(item.question().strip(), item);
            pools.computeIfAbsent(relationOf(item), k -> new TreeSet<>()).add(item.canonicalAnswer());
        }
        Map<String, List<String>> answers = new HashMap<>();
        pools.forEach((k, v) -> answers.put(k, List.copyOf(v)));
        return new SimModel(params, byQuestion, answers);
    }

    public SimParams params() {
        return params;
    }

    public int size() {
        return byQuestion.size();
    }

    /** The reply to a prompt. */
    public String answer(String prompt) {
        Item item = byQuestion.get(questionOf(prompt));
        if (item == null) {
            return ABSTAIN;
        }
        switch (decide(item)) {
            case KNOWS:
                return item.canonicalAnswer();
            case HALLUCINATES:
                return wrongAnswer(item);
            default:
                return ABSTAIN;
        }
    }

    /** The model's decision for an item: a pure function of the seed, the item id and its frequency. */
    public Decision decide(Item item) {
        double u = unit(mix(params.seed(), item.id(), 1));
        if (u < params.pKnow(item.frequency())) {
            return Decision.KNOWS;
        }
        double v = unit(mix(params.seed(), item.id(), 2));
        return v < params.hallucinationShare() ? Decision.HALLUCINATES : Decision.ABSTAINS;
    }

    private String wrongAnswer(Item item) {
        List<String> pool = answersByRelation.getOrDefault(relationOf(item), List.of());
        if (!pool.isEmpty()) {
            int start = (int) Math.floorMod(mix(params.seed(), item.id(), 3), (long) pool.size());
            for (int k = 0; k < Math.min(pool.size(), 64); k++) {
                String candidate = pool.get((start + k) % pool.size());
                if (matcher.score(ScoringItem.of(item), candidate).outcome() != Outcome.CORRECT) {
                    return candidate;
                }
            }
        }
        return "Atlantis";
    }

    /** The question inside a prompt: after the last "Question:" or "Q:" marker, to the end of that line. */
    static String questionOf(String prompt) {
        String p = prompt == null ? "" : prompt;
        int at = -1;
        int skip = 0;
        for (String marker : new String[] {"Question:", "Q:"}) {
            int i = p.lastIndexOf(marker);
            if (i > at) {
                at = i;
                skip = marker.length();
            }
        }
        if (at < 0) {
            return p.strip();
        }
        String rest = p.substring(at + skip);
        int nl = rest.indexOf('\n');
        return (nl < 0 ? rest : rest.substring(0, nl)).strip();
    }

    private static String relationOf(Item item) {
        return item.relation() == null ? "" : item.relation();
    }

    private static long mix(long seed, String id, int salt) {
        long h = seed * 0x9E3779B97F4A7C15L + salt;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Items known, by decision, for tests: how many of the given items get each decision. */
    public Map<Decision, Integer> tally(Iterable<Item> items) {
        Map<Decision, Integer> t = new java.util.EnumMap<>(Decision.class);
        for (Item i : items) {
            t.merge(decide(i), 1, Integer::sum);
        }
        return t;
    }
}
