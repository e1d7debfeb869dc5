package dev.tailgap.assertj;

import dev.tailgap.harness.gate.RunResults;

/**
 * A threshold on one metric's estimate, or on a bound of its 95% interval after {@link #lowerBound()} or
 * {@link #upperBound()}. A metric that cannot be estimated (an empty bucket) fails every threshold.
 */
public final class MetricAssert {
    private final RunAssert run;
    private final RunResults baseline;
    private final String target;
    private final String bound;
    private final double alpha;

    MetricAssert(RunAssert run, RunResults baseline, String target, String bound, double alpha) {
        this.run = run;
        this.baseline = baseline;
        this.target = target;
        this.bound = bound;
        this.alpha = alpha;
    }

    /** The lower limit of the 95% interval instead of the estimate. */
    public MetricAssert lowerBound() {
        return new MetricAssert(run, baseline, target, ".lower", alpha);
    }

    /** The upper limit of the 95% interval instead of the estimate. */
    public MetricAssert upperBound() {
        return new MetricAssert(run, baseline, target, ".upper", alpha);
    }

    public MetricAssert isAtLeast(double threshold) {
        return check(">=", threshold);
    }

    public MetricAssert isAtMost(double threshold) {
        return check("<=", threshold);
    }

    public MetricAssert isGreaterThan(double threshold) {
        return check(">", threshold);
    }

    public MetricAssert isLessThan(double threshold) {
        return check("<", threshold);
    }

    private MetricAssert check(String op, double threshold) {
        run.check(target + bound + " " + op + " " + RunAssert.number(threshold), baseline, alpha);
        return this;
    }
}
