package dev.tailgap.reports;

/**
 * One bucket's outcome counts and rates. Buckets cover frequencies in {@code [lower, upper)}; {@code datasetSize} is
 * how many items of the whole dataset fall in it, {@code asked} how many this run asked, {@code n} how many of those
 * were scored (not {@link Outcome#ERROR}). Accuracy + hallucination + abstention = 1 over {@code n}; precision is
 * correct / (correct + hallucinated). {@code small} flags a bucket with fewer scored items than the report's minimum.
 */
public record BucketStats(String name, double lower, double upper, int datasetSize, int asked, int n, int correct,
                          int hallucinated, int abstained, int errors, Estimate accuracy, Estimate hallucination,
                          Estimate abstention, Estimate precision, boolean small) {
}
