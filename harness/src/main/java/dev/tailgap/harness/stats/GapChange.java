package dev.tailgap.harness.stats;

import dev.tailgap.reports.Estimate;

/**
 * How the head-versus-tail accuracy gap changed between two runs over the same items: with {@code dHead} and
 * {@code dTail} the paired accuracy differences (second run minus first) in the head and in the tail, each with
 * Newcombe's paired 95% interval ({@link McNemar#pairedDifference}), the change in gap is {@code dHead − dTail}. Its
 * 95% interval combines the two by the method of variance estimates recovery (MOVER; Zou and Donner 2008, the same
 * square-and-add that gives Newcombe's interval), the two buckets' items being disjoint:
 * {@code L = Δ − √((dHead − lHead)² + (uTail − dTail)²)}, {@code U = Δ + √((uHead − dHead)² + (dTail − lTail)²)}.
 * Checked against a paired bootstrap in the test fixture.
 */
public final class GapChange {
    private GapChange() {
    }

    /** The change in gap from two paired bucket differences; {@link Estimate#NONE} when either is undefined. */
    public static Estimate of(Estimate dHead, Estimate dTail) {
        if (!dHead.defined() || !dTail.defined()) {
            return Estimate.NONE;
        }
        double change = dHead.value() - dTail.value();
        double below = Math.hypot(dHead.value() - dHead.lower(), dTail.upper() - dTail.value());
        double above = Math.hypot(dHead.upper() - dHead.value(), dTail.value() - dTail.lower());
        return new Estimate(change, Math.max(-2.0, change - below), Math.min(2.0, change + above));
    }
}
