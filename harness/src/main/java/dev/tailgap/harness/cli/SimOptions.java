package dev.tailgap.harness.cli;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.sim.SimParams;
import picocli.CommandLine.Option;

/** The synthetic reference model's parameters, shared by {@code demo} and {@code serve-sim}. */
final class SimOptions {
    @Option(names = "--sim-midpoint", defaultValue = "4.5", paramLabel = "LOG10F",
            description = "log10(frequency) at which the model knows half of the items (default: ${DEFAULT-VALUE}).")
    double midpoint;

    @Option(names = "--sim-steepness", defaultValue = "1.5", paramLabel = "K",
            description = "Logistic steepness per decade of frequency (default: ${DEFAULT-VALUE}).")
    double steepness;

    @Option(names = "--sim-floor", defaultValue = "0.02", paramLabel = "P",
            description = "Probability of knowing the rarest items (default: ${DEFAULT-VALUE}).")
    double floor;

    @Option(names = "--sim-ceiling", defaultValue = "0.95", paramLabel = "P",
            description = "Probability of knowing the most frequent items (default: ${DEFAULT-VALUE}).")
    double ceiling;

    @Option(names = "--sim-hallucination", defaultValue = "0.6", paramLabel = "P",
            description = "Share of unknown items answered wrongly rather than with \"unsure\" (default: ${DEFAULT-VALUE}).")
    double hallucination;

    @Option(names = "--sim-seed", defaultValue = "7", paramLabel = "S",
            description = "The synthetic model's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--latency-ms", defaultValue = "0", paramLabel = "MS",
            description = "Fixed delay before each reply (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    SimParams params() {
        try {
            return new SimParams(midpoint, steepness, floor, ceiling, hallucination, seed, latencyMs);
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(e.getMessage());
        }
    }
}
