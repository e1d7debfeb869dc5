package dev.tailgap.reports;

/**
 * What a run's item log adds up to, whatever the host: {@code items} in the log, {@code live} of them answered by the
 * endpoint in this run's attempts ({@code cacheHits} came from the response cache and cost nothing), the prompt and
 * completion tokens the endpoint reported for the live answers ({@code tokensUnknown}: live answers without a count,
 * so the sums are lower bounds when it is above 0), and the latency of live answers (ERROR items left out):
 * percentiles 50, 95 and 99 in milliseconds, linearly interpolated between order statistics (R type 7, numpy's
 * default). {@code streamed} live answers came streamed; {@code firstTokenP50} is the median time to their first
 * token. A percentile is {@code -1} when there is nothing to take it of.
 */
public record RunTotals(long items, long live, long cacheHits, long promptTokens, long completionTokens,
                        long tokensUnknown, double latencyP50, double latencyP95, double latencyP99, long streamed,
                        double firstTokenP50) {
    public RunTotals {
        if (items < 0 || live < 0 || cacheHits < 0 || promptTokens < 0 || completionTokens < 0 || tokensUnknown < 0
                || streamed < 0) {
            throw new IllegalArgumentException("run totals are counts, >= 0");
        }
    }

    /** True when some live answer had no token count, so the token sums (and a cost) are lower bounds. */
    public boolean tokensPartial() {
        return tokensUnknown > 0;
    }
}
