package dev.tailgap.harness.stats;

import dev.tailgap.reports.Slope;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates scored items and fits correctness y ∈ {0, 1} against x = log10(frequency) over the items.
 * {@link #result()} gives:
 * <ul>
 *   <li>the least-squares slope per decade and intercept, with the slope's 95% interval from the HC3 robust standard
 *   error {@code √(Σ (x_i − x̄)² e_i² / (1 − h_i)²) / Sxx} (e the residuals, h the leverages; MacKinnon and White
 *   1985) and the normal quantile, as statsmodels' {@code OLS.fit(cov_type="HC3")};</li>
 *   <li>R² of the fitted line against accuracy binned by whole decades (bin k holds the items with floor(x) = k, at the
 *   bin's mean x and mean y, weighted by its count, {@code R² = 1 − Σ n_b (ȳ_b − ŷ(x̄_b))² / Σ n_b (ȳ_b − ȳ)²}), and
 *   R² over the items ({@code Sxy² / (Sxx·Syy)});</li>
 *   <li>the maximum-likelihood logistic regression of y on x (Newton's method): its coefficient in log-odds per
 *   decade with the Wald 95% interval, and the average marginal effect {@code β₁·mean(p̂(1 − p̂))} with its
 *   delta-method 95% interval (statsmodels' {@code Logit.get_margeff()}). Undefined when the outcomes are separated
 *   by x (every wrong answer at or below every right one, or the reverse): the estimate does not exist.</li>
 * </ul>
 *
 * <p>Items with frequency 0 cannot be placed on the log axis and are only counted as excluded. Everything is NaN, with
 * a note saying why, when fewer than three items remain, all share one frequency or all have the same outcome; R² is
 * also NaN with a single bin or when every bin has the same accuracy.
 *
 * <p>The least-squares sums are kept exactly and the item values are sorted before the robust and logistic fits, so
 * the result is bit-for-bit the same whatever the order of {@link #add} calls and however the items are split across
 * accumulators that are then {@link #merge merged}. Memory: one double per item. Instances are not thread-safe: give
 * each thread its own and merge, or guard them externally.
 */
public final class LogLinearFit {
    private static final MathContext MC = new MathContext(40);

    private final TreeMap<Integer, Bin> bins = new TreeMap<>();
    private final Values right = new Values();
    private final Values wrong = new Values();
    private long excluded;

    /**
     * Adds one scored item.
     *
     * @param frequency the concept's frequency, finite and non-negative; 0 counts as excluded
     * @param correct whether the item was answered correctly
     * @throws IllegalArgumentException if the frequency is negative, NaN or infinite
     */
    public void add(double frequency, boolean correct) {
        if (!(frequency >= 0.0) || Double.isInfinite(frequency)) {
            throw new IllegalArgumentException("frequency must be finite and non-negative, got " + frequency);
        }
        if (frequency == 0.0) {
            excluded++;
            return;
        }
        double x = StrictMath.log10(frequency);
        int decade = (int) StrictMath.floor(x);
        bins.computeIfAbsent(decade, k -> new Bin()).add(x, correct);
        (correct ? right : wrong).add(x);
    }

    /** Adds every item of {@code other} to this accumulator; {@code other} is left unchanged. */
    public void merge(LogLinearFit other) {
        Map<Integer, Bin> source = other == this ? snapshot() : other.bins;
        for (Map.Entry<Integer, Bin> entry : source.entrySet()) {
            bins.computeIfAbsent(entry.getKey(), k -> new Bin()).add(entry.getValue());
        }
        excluded += other.excluded;
        right.addAll(other.right);
        wrong.addAll(other.wrong);
    }

    /** The fit over the items added so far. */
    public Slope result() {
        long n = 0;
        long sumY = 0;
        ExactSum sumX = new ExactSum();
        ExactSum sumXX = new ExactSum();
        ExactSum sumXY = new ExactSum();
        for (Bin bin : bins.values()) {
            n += bin.count;
            sumY += bin.correct;
            sumX.add(bin.sumX);
            sumXX.add(bin.sumXX);
            sumXY.add(bin.sumXCorrect);
        }
        int items = Math.toIntExact(n);
        int dropped = Math.toIntExact(excluded);
        if (n < 3) {
            return undefined(items, dropped, TOO_FEW);
        }
        BigDecimal bn = BigDecimal.valueOf(n);
        BigDecimal sx = sumX.value();
        BigDecimal sy = BigDecimal.valueOf(sumY);
        // n times the centred sums of squares and products, all exact
        BigDecimal dxx = bn.multiply(sumXX.value()).subtract(sx.multiply(sx));
        if (dxx.signum() <= 0) {
            return undefined(items, dropped, TOO_FEW);
        }
        if (sumY == 0 || sumY == n) {
            return undefined(items, dropped, "every scored item was " + (sumY == 0 ? "wrong" : "right")
                    + ", so accuracy cannot change with frequency");
        }
        BigDecimal dxy = bn.multiply(sumXY.value()).subtract(sx.multiply(sy));
        BigDecimal dyy = bn.multiply(sy).subtract(sy.multiply(sy));

        BigDecimal slope = dxy.divide(dxx, MC);
        BigDecimal intercept = sy.multiply(dxx).subtract(sx.multiply(dxy)).divide(bn.multiply(dxx), MC);
        double b = slope.doubleValue();
        double a = intercept.doubleValue();
        double[] xr = right.sorted();
        double[] xw = wrong.sorted();
        double se = ItemFits.hc3(xr, xw, a, b, sx.doubleValue() / n, dxx.doubleValue() / n);
        double r2Items = dxy.multiply(dxy).divide(dxx.multiply(dyy), MC).doubleValue();
        ItemFits.Logistic logit = ItemFits.logistic(xr, xw);
        return new Slope(b, b - Proportions.Z * se, b + Proportions.Z * se, a, binnedR2(slope, intercept, n, sumY),
                items, dropped, r2Items, logit.coefficient(), logit.marginal(), null);
    }

    private static final String TOO_FEW =
            "it needs at least three scored items at two or more distinct frequencies above 0";

    private static Slope undefined(int items, int dropped, String why) {
        double nan = Double.NaN;
        return new Slope(nan, nan, nan, nan, nan, items, dropped, nan, null, null, why);
    }

    /** R² of the fitted line against per-decade accuracy, weighted by bin size; NaN when undefined. */
    private double binnedR2(BigDecimal slope, BigDecimal intercept, long n, long sumY) {
        if (bins.size() < 2) {
            return Double.NaN;
        }
        BigDecimal bn = BigDecimal.valueOf(n);
        BigDecimal sy = BigDecimal.valueOf(sumY);
        BigDecimal between = BigDecimal.ZERO; // n² · Σ n_b (ȳ_b − ȳ)², exact
        BigDecimal misfit = BigDecimal.ZERO;  // Σ n_b (ȳ_b − ŷ(x̄_b))²
        for (Bin bin : bins.values()) {
            BigDecimal nb = BigDecimal.valueOf(bin.count);
            BigDecimal cb = BigDecimal.valueOf(bin.correct);
            // n_b (c_b/n_b − S_y/n)² · n² = (c_b·n − S_y·n_b)² / n_b
            BigDecimal gap = cb.multiply(bn).subtract(sy.multiply(nb));
            between = between.add(gap.multiply(gap).divide(nb, MC));
            BigDecimal meanX = bin.sumX.value().divide(nb, MC);
            BigDecimal meanY = cb.divide(nb, MC);
            BigDecimal off = meanY.subtract(intercept.add(slope.multiply(meanX, MC)), MC);
            misfit = misfit.add(nb.multiply(off.multiply(off, MC), MC), MC);
        }
        if (between.signum() == 0) {
            return Double.NaN;
        }
        BigDecimal total = between.divide(bn.multiply(bn), MC);
        return BigDecimal.ONE.subtract(misfit.divide(total, MC), MC).doubleValue();
    }

    /**
     * The items added so far grouped by whole decade, ascending: bin {@code k} holds the items with
     * {@code floor(log10(frequency)) = k}, with its count, correct count and mean log10(frequency) (exact sum divided
     * once, so independent of the order of {@link #add} calls).
     */
    public List<Decade> decades() {
        List<Decade> out = new ArrayList<>(bins.size());
        for (Map.Entry<Integer, Bin> e : bins.entrySet()) {
            Bin bin = e.getValue();
            double mean = bin.sumX.value().divide(BigDecimal.valueOf(bin.count), MC).doubleValue();
            out.add(new Decade(e.getKey(), bin.count, bin.correct, mean));
        }
        return out;
    }

    /** One decade bin of {@link #decades()}: {@code n} items, {@code correct} of them right, at mean log10 frequency. */
    public record Decade(int decade, long n, long correct, double meanLog10) {
    }

    /** A growable array of doubles. */
    private static final class Values {
        double[] v = new double[16];
        int size;

        void add(double x) {
            if (size == v.length) {
                v = java.util.Arrays.copyOf(v, v.length * 2);
            }
            v[size++] = x;
        }

        void addAll(Values other) {
            int count = other.size;
            double[] copy = java.util.Arrays.copyOf(other.v, count);
            for (int i = 0; i < count; i++) {
                add(copy[i]);
            }
        }

        double[] sorted() {
            double[] out = java.util.Arrays.copyOf(v, size);
            java.util.Arrays.sort(out);
            return out;
        }
    }

    private Map<Integer, Bin> snapshot() {
        TreeMap<Integer, Bin> copy = new TreeMap<>();
        bins.forEach((k, v) -> copy.put(k, v.copy()));
        return copy;
    }

    /** Exact sums of one decade bin. */
    private static final class Bin {
        long count;
        long correct;
        final ExactSum sumX;
        final ExactSum sumXX;
        final ExactSum sumXCorrect;

        Bin() {
            this(new ExactSum(), new ExactSum(), new ExactSum());
        }

        private Bin(ExactSum sumX, ExactSum sumXX, ExactSum sumXCorrect) {
            this.sumX = sumX;
            this.sumXX = sumXX;
            this.sumXCorrect = sumXCorrect;
        }

        void add(double x, boolean isCorrect) {
            count++;
            sumX.add(x);
            sumXX.addSquare(x);
            if (isCorrect) {
                correct++;
                sumXCorrect.add(x);
            }
        }

        void add(Bin other) {
            count += other.count;
            correct += other.correct;
            sumX.add(other.sumX);
            sumXX.add(other.sumXX);
            sumXCorrect.add(other.sumXCorrect);
        }

        Bin copy() {
            Bin copy = new Bin(sumX.copy(), sumXX.copy(), sumXCorrect.copy());
            copy.count = count;
            copy.correct = correct;
            return copy;
        }
    }
}
