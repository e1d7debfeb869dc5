package dev.tailgap.reports;

import dev.tailgap.reports.GateResult.Bound;
import dev.tailgap.reports.GateResult.PairedTest;
import java.util.List;

/** Deterministic gate reports for the golden-file tests: every kind of verdict, and names that need escaping. */
final class GateFixtures {
    private GateFixtures() {
    }

    private static final DatasetRef DATASET = new DatasetRef("world-cities", "1.0.0",
            "9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d", 1752, "population", "CC-BY-4.0");

    /** A gate against a baseline that fails: a significant tail drop and a broken interval bound. */
    static GateReport failing() {
        double nan = Double.NaN;
        return new GateReport("runs/candidate", "openai:model-v2", DATASET, "runs/baseline", "openai:model-v1", 0.05,
                List.of(
                        new GateResult("tail.accuracy >= 0.1", "tail (1e3-1e4)", "accuracy", Bound.VALUE, ">=", 0.1,
                                new Estimate(0.1125, 0.060284, 0.200882), false, 80, null, true, true, null),
                        new GateResult("tail.accuracy.lower >= 0.1", "tail (1e3-1e4)", "accuracy", Bound.LOWER,
                                ">=", 0.1, new Estimate(0.1125, 0.060284, 0.200882), false, 80, null, false, false,
                                null),
                        new GateResult("tail.accuracy.drop <= 0.02", "tail (1e3-1e4)", "accuracy drop", Bound.VALUE,
                                "<=", 0.02, new Estimate(0.1375, 0.046183, 0.226468), false, 80,
                                new PairedTest(80, 15, 4, 0.009605, 0.019211, 0.05, true, false, 0.87, 0.12), false, false, null),
                        new GateResult("head.hallucination.rise <= 0.02", "head (1e6+)", "hallucination rise",
                                Bound.VALUE, "<=", 0.02, new Estimate(0.025, -0.027116, 0.077564), false, 80,
                                new PairedTest(80, 3, 1, 0.3125, 0.3125, 0.05, false, false, 0.41, 0.12), false, true, null),
                        new GateResult("gap.accuracy <= 0.8", "gap (1e6+ minus 1e3-1e4)", "accuracy", Bound.VALUE,
                                "<=", 0.8, new Estimate(0.7625, 0.631, 0.85), false, -1, null, true, true, null),
                        new GateResult("buckets.minSize >= 100", "buckets (smallest: 1e7+)", "scored items",
                                Bound.VALUE, ">=", 100, new Estimate(10, nan, nan), true, -1, null, false, false,
                                null),
                        new GateResult("errors.rate <= 0.01", "all items", "error rate", Bound.VALUE, "<=", 0.01,
                                new Estimate(0.0, nan, nan), false, 400, null, true, true, null)));
    }

    /** A gate without a baseline that passes, with an undefined estimate and names that need escaping. */
    static GateReport passingWithOddNames() {
        DatasetRef odd = new DatasetRef("my|set <x>", "1", null, 3, null, null);
        return new GateReport("runs/a `b` & <c>", null, odd, null, null, 0.05, List.of(
                new GateResult("*_x|y_*.accuracy >= 50%", "*_x|y_* <b>", "accuracy", Bound.VALUE, ">=", 0.5,
                        new Estimate(1.0, 0.5, 1.0), false, 3, null, true, true, null),
                new GateResult("slope.perDecade.upper <= 0.3", "slope", "accuracy per decade", Bound.UPPER, "<=",
                        0.3, Estimate.NONE, false, -1, null, false, false,
                        "needs three scored items at two frequencies \"above\" 0 & more")));
    }
}
