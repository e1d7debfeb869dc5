package dev.tailgap.harness.stats;

import dev.tailgap.reports.Slope;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Accumulates scored items and fits accuracy against log10(frequency): ordinary least squares of y ∈ {0, 1} on
 * x = log10(frequency) over the items. {@link #result()} gives the slope per decade with its 95% interval (classic
 * OLS standard error, t distribution with n − 2 degrees of freedom), the intercept, and R² of the fitted line
 * against accuracy binned by whole decades: bin k holds the items with floor(x) = k, at the bin's mean x and mean y,
 * weighted by its count, {@code R² = 1 − Σ n_b (ȳ_b − ŷ(x̄_b))² / Σ n_b (ȳ_b − ȳ)²}.
 *
 * <p>Items with frequency 0 cannot be placed on the log axis and are only counted as excluded. Slope, interval and
 * intercept are NaN when fewer than three items remain or all share one frequency; R² is also NaN with a single bin
 * or when every bin has the same accuracy.
 *
 * <p>All sums are kept exactly, so the result is bit-for-bit the same whatever the order of {@link #add} calls and
 * however the items are split across accumulators that are then {@link #merge merged}. Memory grows with the number
 * of decade bins, not with the number of items. Instances are not thread-safe: give each thread its own and merge,
 * or guard them externally.
 */
public final class LogLinearFit {
    private static final MathContext MC = new MathContext(40);
    private static final double T_ACCURACY = 1e-14;

    private final TreeMap<Integer, Bin> bins = new TreeMap<>();
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
    }

    /** Adds every item of {@code other} to this accumulator; {@code other} is left unchanged. */
    public void merge(LogLinearFit other) {
        Map<Integer, Bin> source = other == this ? snapshot() : other.bins;
        for (Map.Entry<Integer, Bin> entry : source.entrySet()) {
            bins.computeIfAbsent(entry.getKey(), k -> new Bin()).add(entry.getValue());
        }
        excluded += other.excluded;
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
        double nan = Double.NaN;
        if (n < 3) {
            return new Slope(nan, nan, nan, nan, nan, items, dropped);
        }
        BigDecimal bn = BigDecimal.valueOf(n);
        BigDecimal sx = sumX.value();
        BigDecimal sy = BigDecimal.valueOf(sumY);
        // n times the centred sums of squares and products, all exact
        BigDecimal dxx = bn.multiply(sumXX.value()).subtract(sx.multiply(sx));
        if (dxx.signum() <= 0) {
            return new Slope(nan, nan, nan, nan, nan, items, dropped);
        }
        BigDecimal dxy = bn.multiply(sumXY.value()).subtract(sx.multiply(sy));
        BigDecimal dyy = bn.multiply(sy).subtract(sy.multiply(sy));

        BigDecimal slope = dxy.divide(dxx, MC);
        BigDecimal intercept = sy.multiply(dxx).subtract(sx.multiply(dxy)).divide(bn.multiply(dxx), MC);
        // se² = SSE / ((n − 2)·Sxx) = (Dyy·Dxx − Dxy²) / ((n − 2)·Dxx²)
        BigDecimal residual = dyy.multiply(dxx).subtract(dxy.multiply(dxy));
        BigDecimal variance = residual.divide(BigDecimal.valueOf(n - 2).multiply(dxx.multiply(dxx)), MC);
        double se = variance.sqrt(MC).doubleValue();
        double t = new TDistribution(n - 2, T_ACCURACY).inverseCumulativeProbability(0.975);
        double b = slope.doubleValue();
        return new Slope(b, b - t * se, b + t * se, intercept.doubleValue(), binnedR2(slope, intercept, n, sumY),
                items, dropped);
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
