package dev.tailgap.reports;

/**
 * The head-versus-tail gap between the first and last buckets: accuracy head minus tail, hallucination tail minus
 * head, each with a Newcombe hybrid-score 95% interval. Positive values mean the tail is worse.
 */
public record Gap(String head, String tail, Estimate accuracy, Estimate hallucination) {
}
