package dev.tailgap.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The verdict of one gate rule: what was measured ({@code subject}, {@code quantity}, the {@code observed} estimate
 * with its 95% interval and the sample size {@code n}), the threshold it was held to ({@code bound} of the estimate,
 * {@code comparator}, {@code threshold}), whether that comparison held ({@code thresholdMet}) and whether the rule
 * passed. For a rule against a baseline, {@code paired} carries the paired test; a point-estimate baseline rule passes
 * when its threshold is met <em>or</em> the change is not significant. {@code note} is an optional remark: why an
 * estimate could not be made (then the rule fails), or what was left out of it; otherwise {@code null}.
 *
 * <p>{@code count} marks integer-valued quantities (sizes, error counts), printed without decimals and without an
 * interval. Every text method is locale-independent.
 */
public record GateResult(String rule, String subject, String quantity, Bound bound, String comparator,
                         double threshold, Estimate observed, boolean count, long n, PairedTest paired,
                         boolean thresholdMet, boolean passed, String note) {

    /** Which number of the estimate the threshold applies to. */
    public enum Bound {
        /** The point estimate. */
        VALUE,
        /** The lower limit of the 95% interval. */
        LOWER,
        /** The upper limit of the 95% interval. */
        UPPER;

        /** The bounded number of an estimate. */
        public double of(Estimate e) {
            return this == VALUE ? e.value() : this == LOWER ? e.lower() : e.upper();
        }
    }

    /**
     * A paired comparison with the baseline over {@code pairs} items scored in both runs: {@code worse} items went
     * from good to bad (e.g. correct in the baseline, not in the run), {@code better} the other way. {@code pValue} is
     * the one-sided p-value of Tango's score test against the rule's tolerance: for a drop (rise) rule, of "the change
     * exceeds the tolerance"; for a non-inferiority rule ({@code nonInferiority}), of "the change is below it".
     * {@code adjustedPValue} is the drop/rise rules' p-value after Holm's adjustment across the gate's drop and rise
     * rules (a non-inferiority rule keeps its own), {@code significant} whether that is below {@code alpha}: a drop
     * rule then fails, a non-inferiority rule passes. {@code power} is the approximate power of the test at these
     * pairs for a true change of {@code powerAt} (tolerance + 0.10 for a drop rule, 0 for a non-inferiority rule).
     */
    public record PairedTest(long pairs, long worse, long better, double pValue, double adjustedPValue,
                             double alpha, boolean significant, boolean nonInferiority, double power,
                             double powerAt) {
    }

    public GateResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(observed, "observed");
    }

    /** PASS or FAIL. */
    public String status() {
        return passed ? "PASS" : "FAIL";
    }

    /**
     * One line saying what was measured and why the rule passed or failed, e.g. {@code tail (1e3-1e4): accuracy
     * 0.412 [0.358, 0.468], n = 300; lower bound 0.358 >= 0.25}. Names from the run are printed with control
     * characters replaced.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder(Phrases.plain(subject)).append(": ").append(quantity).append(' ');
        if (!observed.defined()) {
            return sb.append("undefined; ").append(note == null ? "nothing to measure" : Phrases.plain(note))
                    .toString();
        }
        sb.append(number(observed.value()));
        if (!count && !Double.isNaN(observed.lower()) && !Double.isNaN(observed.upper())) {
            sb.append(" [").append(number(observed.lower())).append(", ").append(number(observed.upper()))
                    .append(']');
        }
        if (paired != null) {
            sb.append(" over ").append(Numbers.count(paired.pairs())).append(" paired items (")
                    .append(Numbers.count(paired.worse())).append(" worse, ").append(Numbers.count(paired.better()))
                    .append(" better)");
            if (bound == Bound.VALUE) {
                sb.append(", one-sided score test of ").append(hypothesis()).append(": p = ")
                        .append(pValue(paired.pValue()));
                if (paired.adjustedPValue() != paired.pValue()) {
                    sb.append(" (Holm-adjusted ").append(pValue(paired.adjustedPValue())).append(')');
                }
                sb.append(", power ").append(powerText()).append(" at a true change of ")
                        .append(threshold(paired.powerAt()));
            }
        } else if (n >= 0) {
            sb.append(", n = ").append(Numbers.count(n));
        }
        sb.append("; ").append(verdict());
        if (note != null) {
            sb.append(" (").append(Phrases.plain(note)).append(')');
        }
        return sb.toString();
    }

    /** Why the rule passed or failed, e.g. {@code drop 0.113 > 0.02 and significant at alpha 0.05}. */
    public String verdict() {
        if (!observed.defined()) {
            return "undefined";
        }
        String what = (bound == Bound.VALUE ? "" : bound == Bound.LOWER ? "lower bound " : "upper bound ")
                + number(bound.of(observed));
        String limit = threshold(threshold);
        String broken = what + " is not " + comparator + " " + limit;
        if (paired != null && bound == Bound.VALUE) {
            String level = " at alpha " + threshold(paired.alpha());
            if (paired.nonInferiority()) {
                return passed ? what + " shown below " + limit + level
                        : what + " not shown below " + limit + level + ": non-inferiority not established";
            }
            if (paired.significant()) {
                return what + " shown above " + limit + level;
            }
            return thresholdMet ? what + " " + comparator + " " + limit
                    : broken + ", but not shown above it" + level;
        }
        if (thresholdMet) {
            return what + " " + comparator + " " + limit;
        }
        return broken;
    }

    /** The alternative the paired test looks for, e.g. {@code drop > 0.02}. */
    private String hypothesis() {
        String change = quantity.contains("hallucination") ? "rise" : "drop";
        return change + (paired.nonInferiority() ? " < " : " > ") + threshold(threshold);
    }

    /** The paired test's power as two decimals, or n/a. */
    String powerText() {
        return Double.isNaN(paired.power()) ? "n/a"
                : BigDecimal.valueOf(paired.power()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** An observed number: an integer for counts, otherwise three decimals. */
    String number(double v) {
        if (count) {
            return Numbers.count(Math.round(v));
        }
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** A threshold or alpha as the shortest decimal: {@code 0.3}, {@code 100}. */
    public static String threshold(double v) {
        BigDecimal b = BigDecimal.valueOf(v).stripTrailingZeros();
        return (b.scale() < 0 ? b.setScale(0, RoundingMode.UNNECESSARY) : b).toPlainString();
    }

    /** A p-value to two significant digits; below 0.0001 as {@code < 0.0001}. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        if (p < 1e-4) {
            return "< 0.0001";
        }
        return new BigDecimal(p).round(new MathContext(2, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }
}
