package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.text.Normalizer;
import dev.tailgap.datasets.text.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference the counter is checked against: per document and target, every occurrence of every folded name by
 * {@link String#indexOf} with word boundaries checked character by character, the greatest set of non-overlapping
 * occurrences by dynamic programming, and answers by {@link Words#containsWord}. Slow and obvious.
 */
final class BruteForce {

    private BruteForce() {
    }

    /** Per target: {mentions, docs, cooccurrence}. */
    static long[][] count(List<CountTarget> targets, List<String> documents, int minAliasLength) {
        long[][] out = new long[targets.size()][3];
        for (String doc : documents) {
            String f = Normalizer.fold(doc);
            for (int t = 0; t < targets.size(); t++) {
                CountTarget target = targets.get(t);
                List<int[]> spans = new ArrayList<>();
                for (String name : folded(target.conceptNames())) {
                    if (name.codePointCount(0, name.length()) < minAliasLength) {
                        continue;
                    }
                    for (int i = f.indexOf(name); i >= 0; i = f.indexOf(name, i + 1)) {
                        if (edge(f, i - 1, i) && edge(f, i + name.length() - 1, i + name.length())) {
                            spans.add(new int[] {i, i + name.length()});
                        }
                    }
                }
                long mentions = maxDisjoint(spans);
                if (mentions == 0) {
                    continue;
                }
                out[t][0] += mentions;
                out[t][1]++;
                String q = Normalizer.fold(target.question());
                for (String a : folded(target.answers())) {
                    if (!Words.containsWord(q, a) && Words.containsWord(f, a)) {
                        out[t][2]++;
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> folded(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            String f = Normalizer.fold(n);
            if (!f.isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    /** A word boundary between chars {@code left} and {@code right} of {@code f} (either may be off the text). */
    private static boolean edge(String f, int left, int right) {
        if (left < 0 || right >= f.length()) {
            return true;
        }
        char l = f.charAt(left);
        char r = f.charAt(right);
        if (l == ' ' || r == ' ') {
            return true;
        }
        return Words.unspaced(f.codePointBefore(right)) || Words.unspaced(f.codePointAt(right));
    }

    private static long maxDisjoint(List<int[]> spans) {
        spans.sort(Comparator.comparingInt(s -> s[1]));
        long[] best = new long[spans.size() + 1];
        for (int j = 1; j <= spans.size(); j++) {
            int[] s = spans.get(j - 1);
            int p = j - 1;
            while (p > 0 && spans.get(p - 1)[1] > s[0]) {
                p--;
            }
            best[j] = Math.max(best[j - 1], 1 + best[p]);
        }
        return best[spans.size()];
    }
}
