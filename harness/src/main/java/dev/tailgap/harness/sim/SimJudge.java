package dev.tailgap.harness.sim;

import dev.tailgap.datasets.text.Normalizer;
import dev.tailgap.datasets.Item;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The synthetic judge: answers prompts of the built-in judge template ({@code Question:}, {@code Correct answers:}
 * and {@code Prediction:} lines) with a verdict whose accuracy is known. It knows each item's true golds (looked up by
 * question); the true verdict is {@code correct} when the prediction, folded, is one of them (what the synthetic model
 * says when it knows), {@code incorrect} otherwise. With probability {@code accuracy} it gives the true verdict and
 * otherwise the other one, a pure function of {@code seed}, the question and the prediction. Replies vary in shape
 * the way real chat models' do: a verdict word with a reason, JSON, or a reason first and a "Verdict:" line. A
 * question it does not know gets "unsure". Immutable and thread-safe.
 */
public final class SimJudge {
    private final Map<String, List<String>> goldsByQuestion;
    private final double accuracy;
    private final long seed;

    private SimJudge(Map<String, List<String>> goldsByQuestion, double accuracy, long seed) {
        this.goldsByQuestion = goldsByQuestion;
        this.accuracy = accuracy;
        this.seed = seed;
    }

    /** A judge that knows {@code items} and is right with probability {@code accuracy}. */
    public static SimJudge of(Iterable<Item> items, double accuracy, long seed) {
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("judge accuracy must be in [0, 1], got " + accuracy);
        }
        Map<String, List<String>> golds = new HashMap<>();
        for (Item item : items) {
            golds.putIfAbsent(item.question().strip(), item.answers());
        }
        return new SimJudge(Map.copyOf(golds), accuracy, seed);
    }

    public double accuracy() {
        return accuracy;
    }

    /** True if {@code prompt} is a judge prompt (it has the template's three lines). */
    public static boolean isJudgePrompt(String prompt) {
        return prompt != null && prompt.contains("\nCorrect answers:") && prompt.contains("\nPrediction:");
    }

    /** The true verdict for a prediction of the item asked by {@code question}, or {@code null} if unknown. */
    public String truth(String question, String prediction) {
        List<String> golds = goldsByQuestion.get(question.strip());
        if (golds == null) {
            return null;
        }
        String p = Normalizer.fold(prediction);
        for (String g : golds) {
            if (!p.isEmpty() && p.equals(Normalizer.fold(g))) {
                return "correct";
            }
        }
        return "incorrect";
    }

    /** The reply to a judge prompt. */
    public String reply(String prompt) {
        String question = last(prompt, "Question:");
        String prediction = last(prompt, "Prediction:");
        String truth = truth(question, prediction);
        if (truth == null) {
            return "unsure - I do not know this question.";
        }
        long h = mix(question + "\u0000" + prediction);
        boolean right = unit(h) < accuracy;
        String verdict = right ? truth : truth.equals("correct") ? "incorrect" : "correct";
        String reason = verdict.equals("correct") ? "the prediction names a correct answer"
                : "the prediction is not among the correct answers";
        switch ((int) Math.floorMod(h >>> 40, 3L)) {
            case 0:
                return verdict + " - " + reason + ".";
            case 1:
                return "{\"verdict\": \"" + verdict + "\", \"reason\": \"" + reason + "\"}";
            default:
                return "The prediction was \"" + prediction.replace("\"", "'") + "\"; " + reason + ".\nVerdict: "
                        + verdict.toUpperCase(Locale.ROOT);
        }
    }

    /** The text after the last line starting with {@code label}. */
    private static String last(String prompt, String label) {
        String found = "";
        for (String line : prompt.split("\n")) {
            if (line.startsWith(label)) {
                found = line.substring(label.length()).strip();
            }
        }
        return found;
    }

    private long mix(String key) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }
}
