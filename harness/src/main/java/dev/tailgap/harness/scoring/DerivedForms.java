package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derived forms of a gold answer, for {@code contains} with {@code --scorer-option derived=true} (off by default):
 * <ul>
 *   <li>the English demonyms of a country named by the gold, from {@value #TABLE} (made from the world-countries
 *       package, mledoze/countries, ODbL 1.0, by {@code harness/src/test/python/make_demonyms.py}): "Peruvian" for
 *       Peru, "American" for United States, "Japanese" for Japan;</li>
 *   <li>conservative suffix rules on a one-word gold of at least 5 letters: +n after a final "a" ("Russian", "Korean",
 *       "Cuban"), +ic ("Islamic"), +er after a consonant ("footballer", "golfer"), -ity ("Christianity" →
 *       "Christian"), -ism → -ist ("Buddhism" → "Buddhist"), -ism → nothing ("Hinduism" → "Hindu").</li>
 * </ul>
 * Guarded golds (see {@link AliasRule}) get no derived forms. A derived form matches like a gold: folded, on word
 * boundaries. What it adds, and any false CORRECT, is measured in the tests on the same realistic answers as the
 * agreement with PopQA's rule.
 */
final class DerivedForms {
    static final String TABLE = "demonyms.tsv";
    private static final Map<String, List<String>> DEMONYMS = load();
    private static final int MIN_LETTERS = 5;

    private DerivedForms() {
    }

    /** The folded derived forms of a gold (empty for a guarded one). */
    static List<String> of(FoldedGolds.Gold gold) {
        if (gold.guarded()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>(DEMONYMS.getOrDefault(gold.folded(), List.of()));
        String g = gold.folded();
        if (g.length() >= MIN_LETTERS && g.indexOf(' ') < 0 && g.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            char last = g.charAt(g.length() - 1);
            if (last == 'a') {
                out.add(g + "n");
            }
            if ("aeiou".indexOf(last) < 0) {
                out.add(g + "ic");
                out.add(g + "er");
            }
            if (g.endsWith("ity")) {
                out.add(g.substring(0, g.length() - 3));
            }
            if (g.endsWith("ism")) {
                out.add(g.substring(0, g.length() - 3) + "ist");
                out.add(g.substring(0, g.length() - 3));
            }
        }
        out.remove(g);
        return List.copyOf(out);
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> m = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DerivedForms.class.getResourceAsStream(TABLE), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                List<String> forms = new ArrayList<>();
                for (String f : line.substring(tab + 1).split("\\|")) {
                    forms.add(Normalizer.fold(f));
                }
                m.put(Normalizer.fold(line.substring(0, tab)), List.copyOf(forms));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
