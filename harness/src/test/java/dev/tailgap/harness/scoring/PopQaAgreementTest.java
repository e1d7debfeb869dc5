package dev.tailgap.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.reports.Outcome;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each rule scorer against PopQA's reference rule ({@code run_model.py}: correct if a gold, its lower-case or its
 * capitalised form is a substring of the generation) on {@code scoring/popqa-answers.tsv}, answers shaped like real
 * models' answers to PopQA questions, each row tagged with the kind of case it is. Prints the agreement and every
 * disagreement by kind and direction; a disagreement of a kind not named in {@link #NAMED} fails the test, and
 * plain answers, wrong answers and refusals must always agree.
 */
class PopQaAgreementTest {

    /** The kinds of case where a scorer may disagree with PopQA's rule, and why. */
    static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("sentence", "exact and f1 do not credit a gold inside a sentence; PopQA's substring does"),
            Map.entry("diacritics", "tailgap folds accents (Sao Paulo = São Paulo); PopQA compares the raw text"),
            Map.entry("case", "tailgap ignores case; PopQA tries only the gold as given, lower-cased and Capitalised"),
            Map.entry("articles", "tailgap drops articles (Hague = The Hague); PopQA does not"),
            Map.entry("inside-word", "PopQA credits a gold inside another word (Niger in Nigeria); tailgap needs word "
                    + "boundaries"),
            Map.entry("short-alias", "PopQA credits short aliases found by accident (us in 'Tell us more'); tailgap "
                    + "guards aliases of <= 3 characters and function words"),
            Map.entry("refusal-with-alias", "tailgap checks for a refusal first; PopQA credits 'I can't say' for CAN"),
            Map.entry("derived-form", "PopQA credits demonyms through the substring (Peru in Peruvian); tailgap "
                    + "does not derive forms"),
            Map.entry("derived-trap", "PopQA's substring credits a longer, different name (Dominica in Dominican "
                    + "Republic, America in South American); tailgap needs the whole word"),
            Map.entry("negation", "exact and f1 refuse 'not Mark Twain'; PopQA and contains credit it"),
            Map.entry("list", "exact and f1 refuse a list of guesses; PopQA and contains credit it"),
            Map.entry("hedged", "exact and f1 refuse the hedge's extra words; PopQA and contains credit a hedged "
                    + "right guess"),
            Map.entry("partial", "f1 credits part of a name (Twain for Mark Twain); PopQA needs the whole gold"),
            Map.entry("punctuation", "tailgap reads punctuation as a space (Quentin-Tarantino); PopQA does not"),
            Map.entry("extra-words", "exact and f1 penalise extra words (Paris, France) that PopQA's substring "
                    + "ignores"),
            Map.entry("cjk", "exact and f1 compare whole words, and 東京です is one word, not 東京; PopQA's substring "
                    + "finds it"));

    record Row(String kind, String question, List<String> golds, String answer) {
    }

    static List<Row> rows() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = PopQaAgreementTest.class.getResourceAsStream("/scoring/popqa-answers.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Row(f[0], f[1], Arrays.asList(f[2].split("\\|")), f[3]));
            }
        }
        return rows;
    }

    /** PopQA's rule, as in AlexTMallen/adaptive-retrieval run_model.py. */
    static boolean popqa(String generation, List<String> golds) {
        for (String pa : golds) {
            String cap = pa.isEmpty() ? pa : pa.substring(0, 1).toUpperCase(Locale.ROOT)
                    + pa.substring(1).toLowerCase(Locale.ROOT);
            if (generation.contains(pa) || generation.contains(pa.toLowerCase(Locale.ROOT))
                    || generation.contains(cap)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@code derived=true} adds to {@code contains}: answers credited through a demonym or derived form, and any
     * wrong answer it credits (the traps: "Dominican Republic" is not Dominica). Printed; the option stays off by
     * default as long as it credits a trap.
     */
    @org.junit.jupiter.api.Test
    void derivedFormsAreMeasuredOnTheSameAnswers() throws Exception {
        Scorer plain = Scorers.create("contains", ScorerContext.defaults());
        Scorer derived = Scorers.create("contains", ScorerContext.defaults().withOptions(Map.of("derived", "true")));
        int gained = 0;
        int forms = 0;
        List<String> falseCorrect = new ArrayList<>();
        for (Row r : rows()) {
            ScoringItem item = ScoringItem.of("q", r.question(), r.golds());
            boolean before = plain.score(item, r.answer()).outcome() == Outcome.CORRECT;
            Verdict after = derived.score(item, r.answer());
            if (r.kind().equals("derived-form")) {
                forms++;
            }
            if (!before && after.outcome() == Outcome.CORRECT) {
                if (r.kind().equals("derived-form")) {
                    gained++;
                } else {
                    falseCorrect.add(r.kind() + ": \"" + r.answer() + "\" for " + r.golds() + " (" + after.reason()
                            + ")");
                }
            }
        }
        System.out.printf(Locale.ROOT, "contains derived=true: credits %d of %d derived-form answers, and %d wrong "
                + "answers%n", gained, forms, falseCorrect.size());
        falseCorrect.forEach(f -> System.out.println("  false CORRECT " + f));
        assertThat(gained).isEqualTo(forms);
        assertThat(falseCorrect).as("the traps it falls for keep it off by default").isNotEmpty()
                .allSatisfy(f -> assertThat(f).startsWith("derived-trap"));
        assertThat(Scorers.create("contains", ScorerContext.defaults()).describe()).doesNotContain("derived");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contains", "exact", "f1"})
    void agreementWithPopQasRuleIsPrintedWithEveryDisagreementNamed(String name) throws Exception {
        Scorer scorer = Scorers.create(name, ScorerContext.defaults());
        List<Row> rows = rows();
        Map<String, List<String>> disagreements = new TreeMap<>();
        int agree = 0;
        for (Row r : rows) {
            boolean reference = popqa(r.answer(), r.golds());
            Verdict v = scorer.score(ScoringItem.of("q", r.question(), r.golds()), r.answer());
            boolean ours = v.outcome() == Outcome.CORRECT;
            if (ours == reference) {
                agree++;
            } else {
                disagreements.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add((reference ? "PopQA only"
                        : name + " only") + ": \"" + r.answer() + "\" for " + r.golds() + " (" + v.reason() + ")");
            }
        }
        System.out.printf(Locale.ROOT, "%s vs PopQA's rule: agree on %d of %d answers (%.1f%%)%n", name, agree,
                rows.size(), 100.0 * agree / rows.size());
        disagreements.forEach((kind, list) -> {
            System.out.println("  " + kind + " (" + list.size() + "): " + NAMED.getOrDefault(kind, "NOT NAMED"));
            list.forEach(d -> System.out.println("    " + d));
        });
        assertThat(rows).hasSizeGreaterThanOrEqualTo(100);
        assertThat(disagreements.keySet()).as("every disagreement is of a named kind").isSubsetOf(NAMED.keySet());
        assertThat(disagreements).doesNotContainKeys("plain", "wrong", "refusal");
    }
}
