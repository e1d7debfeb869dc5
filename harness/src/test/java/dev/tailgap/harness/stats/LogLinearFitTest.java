package dev.tailgap.harness.stats;

import static dev.tailgap.harness.stats.Reference.TOLERANCE;
import static dev.tailgap.harness.stats.Reference.assertClose;
import static dev.tailgap.harness.stats.Reference.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.reports.Slope;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

class LogLinearFitTest {

    @Test
    void agreesWithScipyOnEveryFixtureDataset() {
        for (JsonNode c : Reference.cases("loglinear")) {
            Data data = Data.of(c);
            Slope s = fit(data, identity(data.size()));
            String name = c.get("name").asText();
            assertThat(s.n()).as(name).isEqualTo(c.get("n").asInt());
            assertThat(s.excluded()).as(name).isEqualTo(c.get("excluded").asInt());
            assertClose(num(c, "slope"), s.perDecade(), TOLERANCE, name + " slope");
            assertClose(num(c, "lower"), s.lower(), TOLERANCE, name + " lower");
            assertClose(num(c, "upper"), s.upper(), TOLERANCE, name + " upper");
            assertClose(num(c, "intercept"), s.intercept(), TOLERANCE, name + " intercept");
            assertClose(num(c, "r2"), s.r2(), TOLERANCE, name + " r2");
            assertClose(num(c, "r2Items"), s.r2Items(), 1e-12, name + " r2 over items");
            assertClose(num(c, "logit"), s.logit().value(), 1e-9, name + " logit");
            assertClose(num(c, "logitLower"), s.logit().lower(), 1e-9, name + " logit lower");
            assertClose(num(c, "logitUpper"), s.logit().upper(), 1e-9, name + " logit upper");
            assertClose(num(c, "ame"), s.marginal().value(), 1e-9, name + " marginal effect");
            assertClose(num(c, "ameLower"), s.marginal().lower(), 1e-9, name + " marginal effect lower");
            assertClose(num(c, "ameUpper"), s.marginal().upper(), 1e-9, name + " marginal effect upper");
            assertThat(s.note() == null).as(name + " note").isEqualTo(!Double.isNaN(num(c, "slope")));
        }
    }

    @Test
    void insertionOrderDoesNotChangeASingleBit() {
        for (JsonNode c : Reference.cases("loglinear")) {
            Data data = Data.of(c);
            Slope expected = fit(data, identity(data.size()));
            for (long seed = 1; seed <= 8; seed++) {
                Slope shuffled = fit(data, shuffled(data.size(), new SplittableRandom(seed)));
                assertBitIdentical(expected, shuffled, c.get("name").asText() + " seed " + seed);
            }
        }
    }

    @Test
    void splittingAndMergingDoesNotChangeASingleBit() {
        for (JsonNode c : Reference.cases("loglinear")) {
            Data data = Data.of(c);
            Slope expected = fit(data, identity(data.size()));
            for (int parts : new int[] {2, 3, 7}) {
                SplittableRandom random = new SplittableRandom(parts);
                List<LogLinearFit> partials = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    partials.add(new LogLinearFit());
                }
                for (int i : shuffled(data.size(), random)) {
                    partials.get(random.nextInt(parts)).add(data.frequency[i], data.correct[i]);
                }
                // merge in a tree, from the back, into a fresh accumulator
                LogLinearFit total = new LogLinearFit();
                for (int p = parts - 1; p > 0; p -= 2) {
                    partials.get(p - 1).merge(partials.get(p));
                    total.merge(partials.get(p - 1));
                }
                if (parts % 2 == 1) {
                    total.merge(partials.get(0));
                }
                assertBitIdentical(expected, total.result(), c.get("name").asText() + " in " + parts + " parts");
            }
        }
    }

    @Test
    void mergeLeavesTheOtherUnchangedAndSelfMergeDoubles() {
        LogLinearFit a = new LogLinearFit();
        LogLinearFit b = new LogLinearFit();
        LogLinearFit doubled = new LogLinearFit();
        double[] f = {3, 40, 700, 9000, 0, 12, 150_000};
        boolean[] y = {false, true, false, true, true, true, true};
        for (int i = 0; i < f.length; i++) {
            (i % 2 == 0 ? a : b).add(f[i], y[i]);
            doubled.add(f[i], y[i]);
            doubled.add(f[i], y[i]);
        }
        Slope before = b.result();
        a.merge(b);
        assertBitIdentical(before, b.result(), "other unchanged");
        a.merge(a);
        assertBitIdentical(doubled.result(), a.result(), "self merge");
        assertThat(a.result().n()).isEqualTo(12);
        assertThat(a.result().excluded()).isEqualTo(2);
    }

    @Test
    void handlesAMillionItemsAndMatchesATwoPassComputation() {
        int n = 1_000_000;
        double[] freq = new double[n];
        boolean[] correct = new boolean[n];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble(0.0, 7.0);
            freq[i] = i % 50 == 0 ? 0.0 : Math.max(1.0, Math.rint(Math.pow(10.0, u)));
            double p = 1.0 / (1.0 + Math.exp(-(1.1 * (u - 3.5))));
            correct[i] = random.nextDouble() < p;
        }
        LogLinearFit forward = new LogLinearFit();
        for (int i = 0; i < n; i++) {
            forward.add(freq[i], correct[i]);
        }
        Slope s = forward.result();
        assertThat(s.n()).isEqualTo(n - n / 50);
        assertThat(s.excluded()).isEqualTo(n / 50);

        Slope naive = twoPass(freq, correct);
        assertClose(naive.perDecade(), s.perDecade(), 1e-9, "slope");
        assertClose(naive.intercept(), s.intercept(), 1e-9, "intercept");
        assertClose(naive.r2(), s.r2(), 1e-9, "r2");

        LogLinearFit backward = new LogLinearFit();
        LogLinearFit odd = new LogLinearFit();
        for (int i = n - 1; i >= 0; i--) {
            (i % 2 == 0 ? backward : odd).add(freq[i], correct[i]);
        }
        backward.merge(odd);
        assertBitIdentical(s, backward.result(), "million, reversed and split");
    }

    @Test
    void undefinedPartsAreNaN() {
        LogLinearFit empty = new LogLinearFit();
        assertThat(empty.result().perDecade()).isNaN();
        assertThat(empty.result().note()).contains("at least three scored items");

        LogLinearFit allWrong = new LogLinearFit();
        for (int i = 1; i <= 10; i++) {
            allWrong.add(i * 100.0, false);
        }
        assertThat(allWrong.result().perDecade()).isNaN();
        assertThat(allWrong.result().lower()).isNaN();
        assertThat(allWrong.result().note()).isEqualTo(
                "every scored item was wrong, so accuracy cannot change with frequency");

        LogLinearFit separated = new LogLinearFit();
        for (int i = 1; i <= 10; i++) {
            separated.add(Math.pow(10, i), i > 5);
        }
        assertThat(separated.result().perDecade()).isFinite();
        assertThat(separated.result().logit().defined()).isFalse();
        assertThat(separated.result().marginal().defined()).isFalse();

        LogLinearFit sameFrequency = new LogLinearFit();
        for (int i = 0; i < 10; i++) {
            sameFrequency.add(250.0, i % 3 == 0);
        }
        Slope flat = sameFrequency.result();
        assertThat(flat.perDecade()).isNaN();
        assertThat(flat.r2()).isNaN();
        assertThat(flat.n()).isEqualTo(10);

        LogLinearFit oneBin = new LogLinearFit();
        oneBin.add(100, false);
        oneBin.add(300, true);
        oneBin.add(900, true);
        Slope single = oneBin.result();
        assertThat(single.perDecade()).isFinite();
        assertThat(single.r2()).isNaN();
    }

    @Test
    void binsAreWholeDecadesAndALinearBinnedPatternGivesR2OfOne() {
        // decade means 0, ½, 1 at x = 0, 1, 2 lie exactly on the item-level line y = x / 2
        LogLinearFit fit = new LogLinearFit();
        double[] f = {1, 1, 10, 10, 100, 100};
        boolean[] y = {false, false, false, true, true, true};
        for (int i = 0; i < f.length; i++) {
            fit.add(f[i], y[i]);
        }
        Slope s = fit.result();
        assertThat(s.perDecade()).isEqualTo(0.5);
        assertThat(s.intercept()).isEqualTo(0.0);
        assertThat(s.r2()).isEqualTo(1.0);
        // log10 of a power of ten is exact, so each power of ten opens its own bin
        assertThat(StrictMath.floor(StrictMath.log10(1000.0))).isEqualTo(3.0);
        assertThat(StrictMath.floor(StrictMath.log10(999.0))).isEqualTo(2.0);
        assertThat(StrictMath.floor(StrictMath.log10(0.001))).isEqualTo(-3.0);
    }

    @Test
    void rejectsFrequenciesOffTheAxis() {
        LogLinearFit fit = new LogLinearFit();
        assertThatThrownBy(() -> fit.add(-1.0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fit.add(Double.NaN, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fit.add(Double.POSITIVE_INFINITY, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertBitIdentical(Slope expected, Slope actual, String what) {
        double[] e = {expected.perDecade(), expected.lower(), expected.upper(), expected.intercept(), expected.r2()};
        double[] a = {actual.perDecade(), actual.lower(), actual.upper(), actual.intercept(), actual.r2()};
        for (int i = 0; i < e.length; i++) {
            assertThat(Double.doubleToRawLongBits(a[i])).as("%s field %d", what, i)
                    .isEqualTo(Double.doubleToRawLongBits(e[i]));
        }
        assertThat(actual.n()).as(what).isEqualTo(expected.n());
        assertThat(actual.excluded()).as(what).isEqualTo(expected.excluded());
    }

    private static Slope fit(Data data, int[] order) {
        LogLinearFit fit = new LogLinearFit();
        for (int i : order) {
            fit.add(data.frequency[i], data.correct[i]);
        }
        return fit.result();
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Textbook two-pass OLS in doubles, as an independent check at scale. */
    private static Slope twoPass(double[] freq, boolean[] correct) {
        int n = 0;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < freq.length; i++) {
            if (freq[i] > 0) {
                n++;
                mx += Math.log10(freq[i]);
                my += correct[i] ? 1 : 0;
            }
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        TreeMap<Integer, double[]> bins = new TreeMap<>();
        for (int i = 0; i < freq.length; i++) {
            if (freq[i] > 0) {
                double x = Math.log10(freq[i]);
                double y = correct[i] ? 1 : 0;
                sxx += (x - mx) * (x - mx);
                sxy += (x - mx) * (y - my);
                double[] bin = bins.computeIfAbsent((int) Math.floor(x), k -> new double[3]);
                bin[0]++;
                bin[1] += x;
                bin[2] += y;
            }
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double sse = 0;
        for (int i = 0; i < freq.length; i++) {
            if (freq[i] > 0) {
                double r = (correct[i] ? 1 : 0) - intercept - slope * Math.log10(freq[i]);
                sse += r * r;
            }
        }
        double se = Math.sqrt(sse / (n - 2) / sxx);
        double t = new TDistribution(n - 2, 1e-14)
                .inverseCumulativeProbability(0.975);
        double num = 0;
        double den = 0;
        for (double[] bin : bins.values()) {
            double xb = bin[1] / bin[0];
            double yb = bin[2] / bin[0];
            num += bin[0] * Math.pow(yb - (intercept + slope * xb), 2);
            den += bin[0] * Math.pow(yb - my, 2);
        }
        return new Slope(slope, slope - t * se, slope + t * se, intercept, 1 - num / den, n, freq.length - n);
    }

    private record Data(double[] frequency, boolean[] correct) {
        static Data of(JsonNode c) {
            JsonNode f = c.get("frequency");
            JsonNode y = c.get("correct");
            assertThat(f.size()).isEqualTo(y.size());
            double[] frequency = new double[f.size()];
            boolean[] correct = new boolean[y.size()];
            for (int i = 0; i < frequency.length; i++) {
                frequency[i] = f.get(i).asDouble();
                correct[i] = y.get(i).asInt() == 1;
            }
            return new Data(frequency, correct);
        }

        int size() {
            return frequency.length;
        }
    }
}
