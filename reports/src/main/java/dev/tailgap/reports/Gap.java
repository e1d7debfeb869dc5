package dev.tailgap.reports;

/**
 * The head-versus-tail gap between the head and the tail of {@link HeadTail} (the first and last buckets with at least
 * the minimum number of scored items): accuracy head minus tail, hallucination tail minus head, each with a Newcombe
 * hybrid-score 95% interval. Positive values mean the tail is worse. Without a head and a tail, {@code head} and
 * {@code tail} are {@code null}, both estimates are {@link Estimate#NONE} and {@code note} says why; otherwise
 * {@code note} is {@code null}.
 */
public record Gap(String head, String tail, Estimate accuracy, Estimate hallucination, String note) {

    /** A gap between two buckets. */
    public Gap(String head, String tail, Estimate accuracy, Estimate hallucination) {
        this(head, tail, accuracy, hallucination, null);
    }
}
