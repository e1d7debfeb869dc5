package dev.tailgap.assertj;

import dev.tailgap.harness.gate.RunResults;

/** The metrics of one bucket (or of the gap, or of all items); see {@link TailgapAssertions}. */
public final class BucketAssert {
    private final RunAssert run;
    private final RunResults baseline;
    private final String subject;
    private final double alpha;

    BucketAssert(RunAssert run, RunResults baseline, String subject, double alpha) {
        this.run = run;
        this.baseline = baseline;
        this.subject = subject;
        this.alpha = alpha;
    }

    /** Accuracy: correct / scored items (for the gap: head minus tail). */
    public MetricAssert accuracy() {
        return metric("accuracy");
    }

    /** Hallucination rate: hallucinated / scored items (for the gap: tail minus head). */
    public MetricAssert hallucination() {
        return metric("hallucination");
    }

    /** Abstention rate: abstained / scored items. */
    public MetricAssert abstention() {
        return metric("abstention");
    }

    /** Precision when answering: correct / (correct + hallucinated). */
    public MetricAssert precision() {
        return metric("precision");
    }

    private MetricAssert metric(String name) {
        return new MetricAssert(run, baseline, subject + "." + name, "", alpha);
    }
}
