package dev.tailgap.harness.history;

import java.time.Instant;

/**
 * The outcome of the last {@code tailgap gate} on a run, as {@link GateRecord} keeps it in the run directory: whether
 * every rule passed, how many rules there were and how many failed, the baseline it was gated against (as given, or
 * {@code null}) and when.
 */
public record GateOutcome(boolean passed, int rules, int failed, String baseline, Instant at) {
}
