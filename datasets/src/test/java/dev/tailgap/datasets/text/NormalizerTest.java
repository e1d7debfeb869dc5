package dev.tailgap.datasets.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NormalizerTest {

    /** input, normalize(input), fold(input). */
    static Stream<Arguments> cases() {
        return Stream.of(
                // empty and blank
                Arguments.of("", "", ""),
                Arguments.of("   \t\n ", "", ""),
                // case, whitespace, punctuation
                Arguments.of("Paris", "paris", "paris"),
                Arguments.of("  New   York\tCity \n", "new york city", "new york city"),
                Arguments.of("Paris.", "paris", "paris"),
                Arguments.of("Jean-Paul Sartre", "jean paul sartre", "jean paul sartre"),
                Arguments.of("O'Brien", "o brien", "o brien"),
                Arguments.of("I don't know", "i don t know", "i don t know"),
                Arguments.of("I don’t know", "i don t know", "i don t know"),
                Arguments.of("C++", "c", "c"),
                Arguments.of("$1,000,000!", "1 000 000", "1 000 000"),
                Arguments.of("R2-D2", "r2 d2", "r2 d2"),
                Arguments.of("?!", "", ""),
                // articles: whole words only; "a" kept next to a single character (initials)
                Arguments.of("The Beatles", "beatles", "beatles"),
                Arguments.of("the answer is a novel by an author", "answer is novel by author",
                        "answer is novel by author"),
                Arguments.of("Theatre and Anarchy", "theatre and anarchy", "theatre and anarchy"),
                Arguments.of("THE", "the", "the"),
                Arguments.of("The The", "the the", "the the"),
                Arguments.of("A", "a", "a"),
                Arguments.of("U.S.A.", "u s a", "u s a"),
                Arguments.of("the U.S.A.", "u s a", "u s a"),
                Arguments.of("USA", "usa", "usa"),
                Arguments.of("J. A. Smith", "j a smith", "j a smith"),
                Arguments.of("Vitamin A", "vitamin", "vitamin"),
                Arguments.of("A Tale of Two Cities", "tale of two cities", "tale of two cities"),
                // NFKC: full-width letters and digits, ligatures, superscripts, half-width katakana
                Arguments.of("Ｐａｒｉｓ", "paris", "paris"),
                Arguments.of("１９８４", "1984", "1984"),
                Arguments.of("ﬁnance ﬂow", "finance flow", "finance flow"),
                Arguments.of("x²", "x2", "x2"),
                Arguments.of("ﾊﾟﾘ", "パリ", "パリ"),
                // diacritics: kept by normalize, removed by fold
                Arguments.of("Côte d'Ivoire", "côte d ivoire", "cote d ivoire"),
                Arguments.of("São Paulo", "são paulo", "sao paulo"),
                Arguments.of("Antonín Dvořák", "antonín dvořák", "antonin dvorak"),
                Arguments.of("Nguyễn", "nguyễn", "nguyen"),
                Arguments.of("Zoë", "zoë", "zoe"),
                Arguments.of("Cafe\u0301", "café", "cafe"),
                Arguments.of("Ελλάδα", "ελλάδα", "ελλαδα"),
                Arguments.of("Ёлка", "ёлка", "елка"),
                Arguments.of("עִבְרִית", "עִבְרִית", "עברית"),
                Arguments.of("مُحَمَّد", "مُحَمَّد", "محمد"),
                // full case folds
                Arguments.of("Straße", "strasse", "strasse"),
                Arguments.of("STRAẞE", "strasse", "strasse"),
                Arguments.of("ΟΔΥΣΣΕΥΣ", "οδυσσευσ", "οδυσσευσ"),
                Arguments.of("Οδυσσεύς", "οδυσσεύσ", "οδυσσευσ"),
                // Turkish dotted and dotless i: locale-independent
                Arguments.of("ISTANBUL", "istanbul", "istanbul"),
                Arguments.of("İstanbul", "istanbul", "istanbul"),
                Arguments.of("Diyarbakır", "diyarbakır", "diyarbakır"),
                // other scripts keep their letters and spelling marks
                Arguments.of("東京", "東京", "東京"),
                Arguments.of("東京、日本。", "東京 日本", "東京 日本"),
                Arguments.of("ガギグ", "ガギグ", "ガギグ"),
                Arguments.of("서울특별시", "서울특별시", "서울특별시"),
                Arguments.of("भारत", "भारत", "भारत"),
                Arguments.of("ภาษาไทย", "ภาษาไทย", "ภาษาไทย"),
                Arguments.of("Москва", "москва", "москва"),
                // digits of other scripts become ASCII when folding
                Arguments.of("١٩٨٤", "١٩٨٤", "1984"),
                Arguments.of("१९४७", "१९४७", "1947"),
                // emoji and symbols are separators
                Arguments.of("🇫🇷 Paris 🎉", "paris", "paris"),
                Arguments.of("Paris👍Lyon", "paris lyon", "paris lyon"),
                Arguments.of("🤷", "", ""),
                Arguments.of("zero\u200Bwidth", "zero width", "zero width"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void normalizes(String input, String normalized, String folded) {
        assertThat(Normalizer.normalize(input)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void folds(String input, String normalized, String folded) {
        assertThat(Normalizer.fold(input)).isEqualTo(folded);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void isIdempotent(String input, String normalized, String folded) {
        assertThat(Normalizer.normalize(normalized)).isEqualTo(normalized);
        assertThat(Normalizer.fold(folded)).isEqualTo(folded);
        assertThat(Normalizer.fold(normalized)).isEqualTo(folded);
    }

    @Test
    void nullIsEmpty() {
        assertThat(Normalizer.normalize(null)).isEmpty();
        assertThat(Normalizer.fold(null)).isEmpty();
    }

    @Test
    void asciiFastPathAgreesWithTheGeneralPath() {
        // A trailing non-ASCII separator forces the general path without changing the expected result.
        String[] inputs = {"The answer is Paris.", "U.S.A.", "J. A. Smith", "A", "The The", "Mark Twain!", "a b c",
            "an apple a day", "R2-D2", "  x  "};
        for (String s : inputs) {
            assertThat(Normalizer.fold(s + " \u2014")).as(s).isEqualTo(Normalizer.fold(s));
            assertThat(Normalizer.normalize(s + " \u2014")).as(s).isEqualTo(Normalizer.normalize(s));
        }
    }

    @Test
    void doesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Normalizer.fold("ISTANBUL")).isEqualTo("istanbul");
            assertThat(Normalizer.fold("İSTANBUL")).isEqualTo("istanbul");
            assertThat(Normalizer.normalize("TITLE")).isEqualTo("title");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void returnsTheSameInstanceWhenAlreadyFolded() {
        String s = "paris";
        assertThat(Normalizer.fold(s)).isSameAs(s);
    }

    /** Every tabled character and printable ASCII character, the alphabet of the table's pair check. */
    private static String tabledAlphabet() {
        StringBuilder b = new StringBuilder();
        for (char c = 0x20; c < 0x7F; c++) {
            b.append(c);
        }
        for (char[] block : Decomposition.TABLED) {
            for (char c = block[0]; c < block[1]; c++) {
                if (Decomposition.decomposeByTable(String.valueOf(c)) != null) {
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    @Test
    void theDecompositionTableAgreesWithWholeStringNormalisationOnEveryPair() {
        String alphabet = tabledAlphabet();
        assertThat(alphabet).contains("é", "ø", "ß", "ł", "ễ", "й", "Ω", "’", "—", "Ｐ").doesNotContain("\u0483");
        char[] pair = new char[2];
        int checked = 0;
        for (int i = 0; i < alphabet.length(); i++) {
            pair[0] = alphabet.charAt(i);
            for (int j = 0; j < alphabet.length(); j++) {
                pair[1] = alphabet.charAt(j);
                String s = new String(pair);
                String table = Decomposition.decomposeByTable(s);
                if (table == null || !table.equals(Decomposition.decompose(s))) {
                    assertThat(table).as("U+%04X U+%04X", (int) pair[0], (int) pair[1])
                            .isEqualTo(Decomposition.decompose(s));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1_000_000);
    }

    @Test
    void tabledTextFoldsAsTheWholeStringWould() {
        String alphabet = tabledAlphabet();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int k = 0; k < 20_000; k++) {
            char[] s = new char[1 + r.nextInt(12)];
            for (int i = 0; i < s.length; i++) {
                s[i] = alphabet.charAt(r.nextInt(alphabet.length()));
            }
            String text = new String(s);
            assertThat(Decomposition.decomposeByTable(text)).as(text).isEqualTo(Decomposition.decompose(text));
        }
        assertThat(Decomposition.decomposeByTable("東京")).isNull();
        assertThat(Decomposition.decomposeByTable("Cafe\u0301")).isNull();
    }

    @Test
    void theSinglePassFoldEqualsTheGeneralPathOnEveryTabledCharacterAndOnMixedText() {
        String alphabet = tabledAlphabet();
        for (int i = 0; i < alphabet.length(); i++) {
            String one = String.valueOf(alphabet.charAt(i));
            for (String text : new String[] {one, "a" + one + "b", "x " + one + " the " + one + one + " a"}) {
                assertThat(Normalizer.fold(text)).as("U+%04X in \"%s\"", (int) alphabet.charAt(i), text)
                        .isEqualTo(Normalizer.foldGeneral(text));
            }
        }
        String words = alphabet + "     aaatheean";
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int k = 0; k < 20_000; k++) {
            char[] s = new char[1 + r.nextInt(30)];
            for (int i = 0; i < s.length; i++) {
                s[i] = words.charAt(r.nextInt(words.length()));
            }
            String text = new String(s);
            assertThat(Normalizer.fold(text)).as(text).isEqualTo(Normalizer.foldGeneral(text));
        }
        assertThat(Normalizer.fold("Zürich ½ ﬁne ⑴ Straße")).isEqualTo("zurich 1 2 fine 1 strasse");
    }

    @Test
    void articlesDroppedInTheSinglePassMatchTheTwoPassRule() {
        String[] words = {"a", "A", "an", "the", "The", "x", "j", "ab", "a.", "é", "á", "ß", "–", "U.S.A.", "an-a",
            "the-the", "", " ", "a a", "ﬁ"};
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        Normalizer.Buffer buffer = new Normalizer.Buffer();
        for (int k = 0; k < 30_000; k++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(8);
            for (int i = 0; i < n; i++) {
                b.append(words[r.nextInt(words.length)]).append(r.nextInt(3) == 0 ? ", " : " ");
            }
            String text = b.toString();
            String expected = Normalizer.foldGeneral(text);
            assertThat(Normalizer.fold(text)).as(text).isEqualTo(expected);
            int len = Normalizer.foldInto(text, buffer);
            assertThat(new String(buffer.chars(), 0, len)).as(text).isEqualTo(expected);
        }
    }
}
