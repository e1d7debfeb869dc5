package dev.tailgap.reports;

import dev.tailgap.reports.Trend.Change;
import dev.tailgap.reports.Trend.Metric;
import dev.tailgap.reports.Trend.Point;
import dev.tailgap.reports.Trend.Step;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trend of four releases covering every case a renderer meets: paired steps with and without a significant change,
 * a step between runs on different datasets (independent samples), an unfinished run without a head and tail, and
 * hostile text in labels and tags (markup, a pipe, a backtick, a control character).
 */
final class TrendFixtures {
    private TrendFixtures() {
    }

    static Estimate e(double v, double lo, double hi) {
        return new Estimate(v, lo, hi);
    }

    static Trend fourReleases() {
        List<Point> runs = List.of(
                new Point("1.0", "n1", "openai:tiny", "world-cities@1.0.0", Instant.parse("2026-11-01T02:00:00Z"),
                        Map.of("series", "nightly", "release", "1.0"), true, 610, e(0.533, 0.498, 0.568), "1e6-1e7",
                        e(0.913, 0.857, 0.949), "1e3-1e4", e(0.167, 0.116, 0.234), e(0.747, 0.659, 0.809)),
                new Point("1.1", "n2", "openai:tiny", "world-cities@1.0.0", Instant.parse("2026-11-08T02:00:00Z"),
                        Map.of("series", "nightly", "release", "1.1", "note", "<script>alert(1)</script> a|b `x`"),
                        true, 610, e(0.489, 0.454, 0.524), "1e6-1e7", e(0.88, 0.818, 0.923), "1e3-1e4",
                        e(0.167, 0.116, 0.234), e(0.713, 0.622, 0.78)),
                new Point("1.10", "n3", "openai:tiny", "world-cities@1.0.0", Instant.parse("2026-11-15T02:00:00Z"),
                        Map.of("series", "nightly", "release", "1.10"), true, 610, e(0.46, 0.428, 0.493), "1e6-1e7",
                        e(0.907, 0.849, 0.944), "1e3-1e4", e(0.113, 0.072, 0.174), e(0.793, 0.71, 0.849)),
                new Point("2.0\u0007", "n4", "openai:tiny", "world-cities@2.0.0", null,
                        Map.of("series", "nightly", "release", "2.0"), false, 12, e(0.25, 0.089, 0.532), null,
                        Estimate.NONE, null, Estimate.NONE, Estimate.NONE));
        List<Step> steps = List.of(
                new Step(true, 610, List.of(
                        new Change(Metric.OVERALL, e(-0.044, -0.09, 0.003), Double.NaN, 0, false),
                        new Change(Metric.HEAD, e(-0.033, -0.085, 0.02), 0.31, 150, false),
                        new Change(Metric.TAIL, e(0.0, -0.06, 0.06), 1.0, 150, false),
                        new Change(Metric.GAP, e(-0.033, -0.11, 0.045), Double.NaN, 300, false)),
                        "overall is weighted by bucket size"),
                new Step(true, 610, List.of(
                        new Change(Metric.OVERALL, e(-0.029, -0.075, 0.017), Double.NaN, 0, false),
                        new Change(Metric.HEAD, e(0.027, -0.005, 0.062), 0.125, 150, false),
                        new Change(Metric.TAIL, e(-0.053, -0.098, -0.014), 0.0078125, 150, true),
                        new Change(Metric.GAP, e(0.08, 0.03, 0.138), Double.NaN, 300, true)),
                        "overall is weighted by bucket size"),
                new Step(false, 0, List.of(
                        new Change(Metric.OVERALL, e(-0.21, -0.42, 0.08), Double.NaN, 0, false)),
                        "the runs used different datasets, so they are compared as independent samples"));
        return new Trend("tailgap 0.1.0", "series=nightly", "the value of the tag release", runs, steps);
    }
}
