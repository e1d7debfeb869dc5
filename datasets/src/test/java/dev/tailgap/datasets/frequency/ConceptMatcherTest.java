package dev.tailgap.datasets.frequency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConceptMatcherTest {

    static final List<CountTarget> TARGETS = List.of(
            target("ny", "In what country is New York?", List.of("United States", "USA"), "New York"),
            target("nyc", "Which state is New York City in?", List.of("New York"), "New York City", "New York",
                    "Big Apple", "NYC"),
            target("york", "Which county is York in?", List.of("North Yorkshire"), "York"),
            target("sp", "Where is São Paulo?", List.of("Brazil"), "São Paulo", "Sao Paulo"),
            target("usa", "What is the capital of the U.S.A.?", List.of("Washington, D.C.", "Washington"),
                    "United States", "U.S.A.", "USA"),
            target("tokyo", "Where is 東京?", List.of("日本", "Japan"), "東京", "Tokyo"),
            target("aero", "Where is Ærø?", List.of("Denmark"), "Ærø"),
            target("beatles", "Where are The Beatles from?", List.of("Liverpool"), "The Beatles", "Beatles"),
            target("paris-city", "Which country is Paris in?", List.of("France"), "Paris"),
            target("paris-own", "Is Paris the capital of France?", List.of("France"), "Paris"),
            target("cpp", "Who made C++?", List.of("Stroustrup"), "C++"),
            target("none", "What is ?", List.of("x"), "?!"));

    static final String[] PIECES = {"New", "York", "City", "new york", "NEW YORK CITY", "(New York)", "York,",
        "York's", "Yorkshire", "North", "Sao", "São", "Paulo", "SÃO PAULO!", "sao-paulo", "U.S.A.", "USA", "usa's",
        "U.S.", "A.", "東京", "東京です", "Tokyo", "日本", "日本の", "Japan", "Ærø", "ærø", "AERO", "the", "The", "a",
        "an", "A", "Beatles", "BEATLES", "Paris", "PARIS", "France", "Washington", "D.C.", "Brazil", "Denmark",
        "Liverpool", "NYC", "Big", "Apple", "C++", "c", "x", "—", ",", ".", "“", "”", "Ｐａｒｉｓ", "Stroustrup"};
    static final String[] GLUE = {" ", " ", " ", "", "-", ", ", "\n", "\u00a0"};

    @Test
    void countsAHandCheckedDocument() {
        ConceptMatcher m = ConceptMatcher.compile(TARGETS, MatchOptions.DEFAULT);
        CorpusCounts c = count(m, List.of("New York City (NYC) is in New York; new-york, NEW YORK CITY! The "
                + "United States."));
        // "New York City" twice and "NYC" once for nyc (its own "New York" alias inside "New York City" is one
        // mention), "New York" on its own twice more: 5; ny counts every "New York", inside "New York City" too: 4
        assertThat(c.mentions(m.keyOf(1))).isEqualTo(5);
        assertThat(c.mentions(m.keyOf(0))).isEqualTo(4);
        assertThat(c.docs(m.keyOf(0))).isEqualTo(1);
        // the answer of nyc is "New York", which is in its question: no co-occurrence possible
        assertThat(m.answersUsed(1)).isZero();
        assertThat(c.cooccurrence(1)).isZero();
        assertThat(c.cooccurrence(0)).isEqualTo(1);
        assertThat(c.mentions(m.keyOf(2))).isEqualTo(4);
        assertThat(c.documents()).isEqualTo(1);
    }

    @Test
    void targetsWithTheSameNamesShareAKey() {
        ConceptMatcher m = ConceptMatcher.compile(TARGETS, MatchOptions.DEFAULT);
        assertThat(m.keyOf(8)).isEqualTo(m.keyOf(9));
        assertThat(m.answersUsed(9)).isZero();
        assertThat(m.namesUsed(11)).isZero();
        CorpusCounts c = count(m, List.of("Paris, France", "PARIS"));
        assertThat(c.docs(m.keyOf(8))).isEqualTo(2);
        assertThat(c.cooccurrence(8)).isEqualTo(1);
        assertThat(c.cooccurrence(9)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void equalsTheBruteForceReferenceOnRandomDocuments(int minAliasLength) {
        SplittableRandom rng = new SplittableRandom(17 + minAliasLength);
        List<String> docs = new ArrayList<>();
        for (int d = 0; d < 3000; d++) {
            StringBuilder b = new StringBuilder();
            int n = rng.nextInt(25);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(GLUE[rng.nextInt(GLUE.length)]);
                }
                b.append(PIECES[rng.nextInt(PIECES.length)]);
            }
            docs.add(b.toString());
        }
        ConceptMatcher m = ConceptMatcher.compile(TARGETS, new MatchOptions(minAliasLength, 0));
        long[][] ref = BruteForce.count(TARGETS, docs, minAliasLength);
        for (boolean bytes : new boolean[] {false, true}) {
            CorpusCounts c = bytes ? countBytes(m, docs) : count(m, docs);
            long total = 0;
            for (int t = 0; t < TARGETS.size(); t++) {
                String id = TARGETS.get(t).itemId() + (bytes ? " (from bytes)" : "");
                assertThat(c.mentions(m.keyOf(t))).as("mentions of " + id).isEqualTo(ref[t][0]);
                assertThat(c.docs(m.keyOf(t))).as("docs of " + id).isEqualTo(ref[t][1]);
                assertThat(c.cooccurrence(t)).as("cooccurrence of " + id).isEqualTo(ref[t][2]);
                total += ref[t][2];
            }
            assertThat(total).as("the random documents exercise co-occurrence").isGreaterThan(100);
            assertThat(c.documents()).isEqualTo(docs.size());
        }
    }

    @Test
    void aRefusedDocumentCountsNothingFromBytes() {
        ConceptMatcher m = ConceptMatcher.compile(TARGETS, MatchOptions.DEFAULT);
        DocumentCounter counter = m.newCounter();
        CorpusCounts c = m.newCounts();
        byte[] doc = "Paris, France 東京".getBytes(StandardCharsets.UTF_8);
        assertThat(counter.count(doc, 0, doc.length, c)).isFalse();
        assertThat(c.documents()).isZero();
        assertThat(c.mentions(m.keyOf(8))).isZero();
        byte[] ascii = "Paris, France".getBytes(StandardCharsets.UTF_8);
        assertThat(counter.count(ascii, 0, ascii.length, c)).isTrue();
        assertThat(c.documents()).isEqualTo(1);
        assertThat(c.cooccurrence(8)).isEqualTo(1);
    }

    @Test
    void minimumAliasLengthDropsShortNames() {
        ConceptMatcher m = ConceptMatcher.compile(TARGETS, new MatchOptions(4, 0));
        // "USA" and "NYC" are too short; "U.S.A." folds to "u s a" (5 characters) and stays
        CorpusCounts c = count(m, List.of("USA and NYC", "U.S.A."));
        assertThat(c.mentions(m.keyOf(4))).isEqualTo(1);
        assertThat(c.mentions(m.keyOf(1))).isZero();
        assertThat(m.namesUsed(10)).isZero();
    }

    @Test
    void relationWindowRequiresARelationWordNearby() {
        List<CountTarget> withNames = List.of(
                new CountTarget("p1", List.of("Paris"), List.of("prince"), "What is Paris's occupation?",
                        "occupation"),
                new CountTarget("p2", List.of("Paris"), List.of("Troy"), "Where was Paris born?", "place of birth"));
        ConceptMatcher m = ConceptMatcher.compile(withNames, new MatchOptions(1, 3));
        assertThat(m.keyOf(0)).isNotEqualTo(m.keyOf(1));
        CorpusCounts c = count(m, List.of(
                "the occupation of Paris was prince",
                "Paris of Troy: birth place unknown",
                "Paris is a city far from any word that matters here, of birth"));
        assertThat(c.mentions(m.keyOf(0))).isEqualTo(1);
        assertThat(c.cooccurrence(0)).isEqualTo(1);
        // "of" is too short to be a relation word; "birth" and "place" are within three words in the second doc only
        assertThat(c.mentions(m.keyOf(1))).isEqualTo(1);
        assertThat(c.cooccurrence(1)).isEqualTo(1);
    }

    static CorpusCounts count(ConceptMatcher m, List<String> docs) {
        DocumentCounter counter = m.newCounter();
        CorpusCounts c = m.newCounts();
        for (String d : docs) {
            counter.count(d, c);
        }
        return c;
    }

    /** Counts as the corpus reader does: from the UTF-8 bytes, by the string path where those are refused. */
    static CorpusCounts countBytes(ConceptMatcher m, List<String> docs) {
        DocumentCounter counter = m.newCounter();
        CorpusCounts c = m.newCounts();
        int refused = 0;
        for (String d : docs) {
            byte[] b = ("\n" + d + "\n").getBytes(StandardCharsets.UTF_8);
            if (!counter.count(b, 1, b.length - 1, c)) {
                counter.count(d, c);
                refused++;
            }
        }
        assertThat(refused).as("documents take both paths").isBetween(docs.size() / 10, docs.size() * 9 / 10);
        return c;
    }

    static CountTarget target(String id, String question, List<String> answers, String... names) {
        return new CountTarget(id, List.of(names), answers, question, null);
    }
}
