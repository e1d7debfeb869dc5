package dev.tailgap.datasets.frequency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.text.Normalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte path must give exactly the words of the string path: fold, then {@link Tokens}. */
class Utf8WordsTest {

    @Test
    void everyBmpCharacterFoldsAsTheStringPathFoldsIt() {
        int accepted = 0;
        for (int c = 1; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String ch = String.valueOf((char) c);
            for (String s : List.of(ch, "x" + ch + "y", "a" + ch + " a", "the " + ch, ch + "a b", "An" + ch)) {
                List<String> got = bytePath(s);
                if (got != null) {
                    assertThat(got).as("U+%04X in \"%s\"", c, s).isEqualTo(stringPath(s));
                    accepted++;
                }
            }
        }
        assertThat(accepted).as("ASCII, Latin, Greek, Cyrillic and punctuation take the byte path").isGreaterThan(6000);
    }

    @Test
    void randomTextFoldsAsTheStringPathFoldsIt() {
        String[] pieces = {"a", "A", "an", "An", "the", "THE", "The", "x", "U.S.A.", "J.", "Smith", "São", "Ærø",
            "straße", "ΣΟΦΟΣ", "Москва", "ﬁne", "Ｐａｒｉｓ", "½", "…", "“", "”", "—", "é", "e\u0301", "東京", "😀", "١٩٨٤",
            "don't", "C++", "  ", "\t", "\u00a0", "\r", "ŉ", "Ǆ", "ǅ", "İstanbul", "ς"};
        SplittableRandom rng = new SplittableRandom(5);
        int accepted = 0;
        for (int d = 0; d < 20000; d++) {
            StringBuilder b = new StringBuilder();
            int n = rng.nextInt(8);
            for (int i = 0; i < n; i++) {
                b.append(pieces[rng.nextInt(pieces.length)]);
                if (rng.nextInt(3) > 0) {
                    b.append(' ');
                }
            }
            String s = b.toString();
            List<String> got = bytePath(s);
            if (got != null) {
                assertThat(got).as("\"%s\"", s).isEqualTo(stringPath(s));
                accepted++;
            }
        }
        assertThat(accepted).isGreaterThan(5000);
    }

    @Test
    void articlesOnlyAreKeptAndInitialsSurvive() {
        assertThat(bytePath("The the")).containsExactly("the", "the");
        assertThat(bytePath("a")).containsExactly("a");
        assertThat(bytePath("J. A. Smith")).containsExactly("j", "a", "smith");
        assertThat(bytePath("a novel, an idea, the end")).containsExactly("novel", "idea", "end");
    }

    @Test
    void refusesWhatOnlyTheStringPathFoldsOrReports() {
        assertThat(bytePath("Tokyo 東京")).as("unspaced script").isNull();
        assertThat(bytePath("smile 😀")).as("supplementary character").isNull();
        assertThat(bytePath("e\u0301")).as("separate combining mark").isNull();
        Utf8Words words = new Utf8Words();
        Utf8Words.Sink none = (len, hash) -> { };
        for (byte[] bad : List.of(new byte[] {'a', (byte) 0xC3}, new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 'a'})) {
            assertThat(words.split(bad, 0, bad.length, none)).isFalse();
        }
    }

    @Test
    void hashesAsTheVocabularyDoes() {
        Vocabulary v = new Vocabulary();
        char[] york = "york".toCharArray();
        int id = v.add(york, 0, york.length);
        byte[] text = "New YORK Yörk".getBytes(StandardCharsets.UTF_8);
        List<Integer> ids = new ArrayList<>();
        Utf8Words words = new Utf8Words();
        words.split(text, 0, text.length, (len, hash) -> ids.add(v.mayHold(len, hash)
                ? v.findPassed(words.chars(), len, hash) : -1));
        assertThat(ids).containsExactly(-1, id, id);
    }

    /** The words of {@code s} by the byte path, or null when it refuses {@code s}. */
    static List<String> bytePath(String s) {
        byte[] b = ("<" + s + ">").getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        Utf8Words words = new Utf8Words();
        boolean ok = words.split(b, 1, b.length - 1, (len, hash) -> {
            String word = new String(words.chars(), 0, len);
            assertThat(hash).as("hash of " + word).isEqualTo(word.hashCode());
            out.add(word);
        });
        return ok ? out : null;
    }

    static List<String> stringPath(String s) {
        char[] f = Normalizer.fold(s).toCharArray();
        List<String> out = new ArrayList<>();
        Tokens.split(f, f.length, (b, from, to) -> out.add(new String(b, from, to - from)));
        return out;
    }
}
