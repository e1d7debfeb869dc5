package dev.tailgap.harness.sim;

/**
 * The synthetic reference model's knobs. It knows an item with probability
 * {@code floor + (ceiling - floor) / (1 + exp(-steepness * (log10(frequency) - midpoint)))}; when it does not know,
 * it hallucinates with probability {@code hallucinationShare} (answering another item's answer of the same relation)
 * and otherwise abstains ("unsure"). Every choice is a pure function of {@code seed} and the item id.
 * {@code latencyMs} delays every reply.
 */
public record SimParams(double midpoint, double steepness, double floor, double ceiling, double hallucinationShare,
                        long seed, long latencyMs) {

    /** Midpoint 10^4.5, 1.5 per decade, floor 2%, ceiling 95%, 60% of misses hallucinated, seed 7, no latency. */
    public static final SimParams DEFAULTS = new SimParams(4.5, 1.5, 0.02, 0.95, 0.6, 7, 0);

    public SimParams {
        if (!(floor >= 0 && floor <= ceiling && ceiling <= 1)) {
            throw new IllegalArgumentException("need 0 <= floor <= ceiling <= 1, got " + floor + ", " + ceiling);
        }
        if (!(hallucinationShare >= 0 && hallucinationShare <= 1)) {
            throw new IllegalArgumentException("hallucination share must be in [0, 1], got " + hallucinationShare);
        }
        if (!(steepness >= 0) || Double.isNaN(midpoint) || latencyMs < 0) {
            throw new IllegalArgumentException("steepness must be >= 0, midpoint a number, latency >= 0");
        }
    }

    /** The probability that the model knows an item of this frequency. */
    public double pKnow(double frequency) {
        if (frequency <= 0) {
            return floor;
        }
        double z = steepness * (Math.log10(frequency) - midpoint);
        return floor + (ceiling - floor) / (1 + Math.exp(-z));
    }

    public SimParams withLatencyMs(long ms) {
        return new SimParams(midpoint, steepness, floor, ceiling, hallucinationShare, seed, ms);
    }

    /** A short label for model ids and reports, e.g. {@code logistic(mid=4.5,k=1.5,floor=0.02,ceil=0.95,h=0.6,seed=7)}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "logistic(mid=%s,k=%s,floor=%s,ceil=%s,h=%s,seed=%d)",
                fmt(midpoint), fmt(steepness), fmt(floor), fmt(ceiling), fmt(hallucinationShare), seed);
    }

    private static String fmt(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
