package dev.tailgap.benchmarks;

import dev.tailgap.datasets.Item;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic, realistic benchmark material: gold answers with aliases and the replies models give to them (bare
 * answers, sentences, labels, markdown, multi-line replies, hedges, abstentions, wrong answers), frequencies spread
 * evenly over seven decades, items and item results. The same seed always gives the same corpus.
 */
public final class Corpus {

    /** How much non-ASCII text the corpus holds. */
    public enum Mix {
        /** Only ASCII golds and replies. */
        ASCII,
        /** About one item in four has non-ASCII golds (diacritics, other scripts, full-width forms). */
        MIXED,
        /** Every item has non-ASCII golds. */
        NONASCII
    }

    /** One scoring case: a raw reply and the item's gold answers and frequency. */
    public record Case(String raw, List<String> golds, double frequency) {
    }

    private static final String[][] ASCII_GOLDS = {
        {"Paris"}, {"United States", "USA", "U.S.", "United States of America"}, {"Mark Twain", "Samuel Clemens"},
        {"New York City", "NYC", "New York"}, {"1969"}, {"William Shakespeare", "Shakespeare"},
        {"Mount Everest", "Everest"}, {"Pacific Ocean", "Pacific"}, {"Albert Einstein", "Einstein"},
        {"Canberra"}, {"Nile", "Nile River", "River Nile"}, {"Jupiter"}, {"Oxygen", "O"},
        {"United Kingdom", "UK", "Great Britain", "Britain"}, {"Democratic Republic of the Congo", "DR Congo",
            "DRC", "Congo-Kinshasa"}, {"Johann Sebastian Bach", "J. S. Bach", "Bach"}, {"physicist"},
        {"politician", "statesman"}, {"Roman Catholic Church", "Catholicism", "Catholic"}, {"Buenos Aires"},
    };

    private static final String[][] NONASCII_GOLDS = {
        {"São Paulo", "Sao Paulo"}, {"Côte d'Ivoire", "Ivory Coast"}, {"Zürich", "Zurich"}, {"東京", "Tokyo"},
        {"Москва", "Moscow"}, {"İstanbul", "Istanbul"}, {"Ελλάδα", "Greece"}, {"Straße", "Strasse"},
        {"Ｔｏｋｙｏ", "Tokyo"}, {"القاهرة", "Cairo"}, {"भारत", "India", "Bharat"}, {"Kraków", "Krakow", "Cracow"},
        {"Reykjavík", "Reykjavik"}, {"Bogotá", "Bogota"}, {"México", "Mexico"}, {"Åland", "Aland"},
        {"Ελευθέριος Βενιζέλος", "Eleftherios Venizelos"}, {"北京", "Beijing", "Peking"}, {"Düsseldorf"},
        {"Nguyễn Du"},
    };

    private static final String[] WRONG = {"Lyon", "Atlantis", "Springfield", "1970", "Berlin", "chemist",
        "Toronto", "Saturn", "Helium", "Madrid", "Osaka", "Lisbon"};

    private static final String[] ABSTAIN = {"unsure", "I'm not sure.", "I don't know.", "I do not know the answer.",
        "Unknown", "I cannot answer that question.", "N/A", "No idea", "I'm not familiar with this person.",
        "I don't have enough information to answer.", ""};

    private Corpus() {
    }

    /** {@code n} scoring cases: about 55% correct, 25% wrong, 20% abstentions, in many reply styles. */
    public static List<Case> cases(Mix mix, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Case> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] golds = golds(mix, r);
            double kind = r.nextDouble();
            String answer;
            if (kind < 0.55) {
                answer = golds[r.nextInt(golds.length)];
            } else if (kind < 0.80) {
                answer = WRONG[r.nextInt(WRONG.length)];
            } else {
                answer = null;
            }
            out.add(new Case(answer == null ? ABSTAIN[r.nextInt(ABSTAIN.length)] : styled(answer, r),
                    List.of(golds), frequency(r)));
        }
        return out;
    }

    /** {@code n} items with distinct ids, the golds of {@link #cases}, and frequencies over seven decades. */
    public static List<Item> items(Mix mix, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Item> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] golds = golds(mix, r);
            String concept = "Concept " + i;
            out.add(new Item("bench:" + i, "What is the answer about " + concept + "?", List.of(golds), concept,
                    Math.floor(frequency(r)), "relation" + (i % 4), i % 3 == 0 ? Map.of("row", i) : Map.of()));
        }
        return out;
    }

    /** Item results for {@code items}, the bucket of each given by {@code bucketOf}, with realistic outcomes. */
    public static List<ItemResult> results(List<Item> items, java.util.function.DoubleFunction<String> bucketOf,
                                           long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ItemResult> out = new ArrayList<>(items.size());
        Outcome[] outcomes = Outcome.values();
        for (Item item : items) {
            Outcome o = outcomes[r.nextInt(10) < 9 ? r.nextInt(3) : 3];
            String raw = o == Outcome.ERROR ? null : o == Outcome.CORRECT ? "The answer is " + item.canonicalAnswer()
                    + "." : o == Outcome.ABSTAINED ? "unsure" : WRONG[r.nextInt(WRONG.length)];
            String extracted = raw;
            out.add(new ItemResult(item.id(), item.question(), item.answers(), item.concept(), item.relation(),
                    item.frequency(), bucketOf.apply(item.frequency()), raw, extracted, o,
                    o == Outcome.ERROR ? "HTTP 503 from http://127.0.0.1:8000/v1/chat/completions: overloaded" : null,
                    40 + r.nextInt(30), 25 + r.nextInt(10), o == Outcome.ERROR ? -1 : 1 + r.nextInt(6)));
        }
        return out;
    }

    private static String[] golds(Mix mix, SplittableRandom r) {
        boolean nonAscii = mix == Mix.NONASCII || mix == Mix.MIXED && r.nextInt(4) == 0;
        String[][] pool = nonAscii ? NONASCII_GOLDS : ASCII_GOLDS;
        return pool[r.nextInt(pool.length)];
    }

    /** Frequencies spread evenly over the decades 10^0 .. 10^7. */
    private static double frequency(SplittableRandom r) {
        return Math.pow(10, 7 * r.nextDouble());
    }

    /** The reply styles models use around an answer. */
    private static String styled(String answer, SplittableRandom r) {
        switch (r.nextInt(10)) {
            case 0:
                return "The answer is " + answer + ".";
            case 1:
                return "Answer: " + answer;
            case 2:
                return "**" + answer + "**";
            case 3:
                return answer + "\n\nExplanation: this is well documented in most reference works.";
            case 4:
                return "I think it is " + answer + ", but I'm not certain.";
            case 5:
                return "\"" + answer + "\"";
            case 6:
                return answer + ".";
            default:
                return answer;
        }
    }
}
