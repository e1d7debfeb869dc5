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
 *
 * <p>Duplicates: a prompt carries only the question, so items sharing a question text (PopQA has such, about
 * different entities of one name) get one decision, that of the first of them in dataset order, and its answer.
 * {@link #truth(Item)} says what that answer is for each item (judged by the {@code contains} matcher): for the first
 * item its own decision; for a later one KNOWS when the answer is one of its golds, HALLUCINATES for another answer,
 * ABSTAINS when the model abstains. So the truth is exact for every item, duplicates included.
 * Immutable and thread-safe.
 */
public final class SimModel {
    /** What the model says when it does not know and does not guess. */
    public static final String ABSTAIN = "unsure";

    /** What the model decided for one item. */
    public enum Decision { KNOWS, HALLUCINATES, ABSTAINS }

    /** What the model answers to an item's question and what that is for the item (see the class comment). */
    public record Truth(String id, Decision decision, String answer) {
    }

    private final SimParams params;
    private final java.util.function.ToDoubleFunction<Item> instability;
    private final List<Item> items;
    private final Map<String, Item> byQuestion;
    private final Map<String, List<String>> answersByRelation;
    private final Scorer matcher = RuleScorer.contains();

    private SimModel(SimParams params, List<Item> items, Map<String, Item> byQuestion,
                     Map<String, List<String>> answersByRelation, java.util.function.ToDoubleFunction<Item> instability) {
        this.params = params;
        this.instability = instability;
        this.items = items;
        this.byQuestion = byQuestion;
        this.answersByRelation = answersByRelation;
    }

    /** Learns the items (their questions, answers and frequencies). */
    public static SimModel of(Iterable<Item> items, SimParams params) {
        Map<String, Item> byQuestion = new HashMap<>();
        Map<String, TreeSet<String>> pools = new TreeMap<>();
        List<Item> all = new java.util.ArrayList<>();
        for (Item item : items) {
            all.add(item);
            byQuestion.putIfAbsent(item.question().strip(), item);
            pools.computeIfAbsent(relationOf(item), k -> new TreeSet<>()).add(item.canonicalAnswer());
        }
        Map<String, List<String>> answers = new HashMap<>();
        pools.forEach((k, v) -> answers.put(k, List.copyOf(v)));
        return new SimModel(params, List.copyOf(all), byQuestion, answers, i -> 0);
    }

    /**
     * This model answering unstably: an item is unstable with probability {@code instability} of the item (a pure
     * function of the seed and its id), and an unstable item gives another answer (a wrong one, or "unsure" when its
     * answer is a wrong one) to every request of odd variant ({@link #answer(String, long)}).
     */
    public SimModel withInstability(java.util.function.ToDoubleFunction<Item> instability) {
        return new SimModel(params, items, byQuestion, answersByRelation, instability);
    }

    /** Whether {@code item}'s answers change with the request's variant. */
    public boolean unstable(Item item) {
        Item asked = byQuestion.getOrDefault(item.question().strip(), item);
        return unit(mix(params.seed(), asked.id(), 4)) < instability.applyAsDouble(asked);
    }

    /**
     * The reply to a prompt asked as variant {@code variant} (the request's seed, or how many times the question was
     * asked before): an unstable item's answer differs on odd variants.
     */
    public String answer(String prompt, long variant) {
        Item item = byQuestion.get(questionOf(prompt));
        if (item == null) {
            return ABSTAIN;
        }
        String usual = answerFor(item);
        if ((variant & 1) == 0 || !unstable(item)) {
            return usual;
        }
        return decide(item) == Decision.KNOWS || usual.equals(ABSTAIN) ? wrongAnswer(item) : ABSTAIN;
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
        return item == null ? ABSTAIN : answerFor(item);
    }

    /** What the model answers to {@code item}'s question and what that answer is for {@code item}. */
    public Truth truth(Item item) {
        Item asked = byQuestion.getOrDefault(item.question().strip(), item);
        String answer = answerFor(asked);
        if (decide(asked) == Decision.ABSTAINS) {
            return new Truth(item.id(), Decision.ABSTAINS, answer);
        }
        boolean right = matcher.score(ScoringItem.of(item), answer).outcome() == Outcome.CORRECT;
        return new Truth(item.id(), right ? Decision.KNOWS : Decision.HALLUCINATES, answer);
    }

    /** The truth for every item the model learned, in their order. */
    public List<Truth> truth() {
        List<Truth> out = new java.util.ArrayList<>(items.size());
        for (Item item : items) {
            out.add(truth(item));
        }
        return out;
    }

    private String answerFor(Item item) {
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

    /**
     * The question inside a prompt: after the last "Question:" or "Q:" marker, to the end of that line, without a
     * trailing " A:" (PopQA's {@code Q: <question> A:}).
     */
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
        String q = (nl < 0 ? rest : rest.substring(0, nl)).strip();
        return q.endsWith(" A:") ? q.substring(0, q.length() - 3).strip() : q;
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
