package dev.tailgap.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic reports for the golden-file tests. Rates and intervals are Wilson (proportions) and Newcombe hybrid
 * (differences) 95% intervals of the stated counts, rounded to six decimals.
 */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static final double INF = Double.POSITIVE_INFINITY;
    static final double NAN = Double.NaN;

    static Estimate e(double value, double lower, double upper) {
        return new Estimate(value, lower, upper);
    }

    /** A mass:3 run: a small head (24 scored), a torso and a large tail; the tail is much worse. */
    static Report standard() {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("model", "openai:gpt-4o-mini");
        run.put("prompt", "qa-short-v1");
        run.put("scorer", "alias-match");
        run.put("seed", 42);
        run.put("temperature", 0.0);
        run.put("maxTokens", 64);
        run.put("sample", Map.of("perBucket", 600, "strategy", "stratified"));
        List<BucketStats> buckets = List.of(
                new BucketStats("head", 48210, INF, 62, 24, 24, 19, 3, 2, 0,
                        e(0.791667, 0.595295, 0.907552), e(0.125, 0.043443, 0.310039),
                        e(0.083333, 0.023159, 0.258488), e(0.863636, 0.66665, 0.95251), true),
                new BucketStats("torso", 3150, 48210, 318, 150, 148, 82, 41, 25, 2,
                        e(0.554054, 0.473612, 0.631761), e(0.277027, 0.211262, 0.354074),
                        e(0.168919, 0.117114, 0.237476), e(0.666667, 0.579427, 0.743811), false),
                new BucketStats("tail", 0, 3150, 1120, 426, 421, 76, 214, 131, 5,
                        e(0.180523, 0.146724, 0.220099), e(0.508314, 0.4607, 0.555777),
                        e(0.311164, 0.268815, 0.356928), e(0.262069, 0.214802, 0.315557), false));
        Totals overall = new Totals(600, 593, 177, 258, 158, 7, e(0.298482, 0.263045, 0.336513),
                e(0.435076, 0.395718, 0.47527), e(0.266442, 0.232445, 0.303445), e(0.406897, 0.361742, 0.453681),
                0.011667);
        Gap gap = new Gap("head", "tail", e(0.611144, 0.410824, 0.731858), e(0.383314, 0.192247, 0.477676));
        Slope slope = new Slope(0.118342, 0.094127, 0.142557, -0.172406, 0.962118, 590, 3);
        DatasetRef dataset = new DatasetRef("popqa-sample", "2024.1",
                "3f9a1c07d2b84e55a0c6f1e2d3b4a5968778695a4b3c2d1e0f9e8d7c6b5a4938", 1500,
                "Wikipedia monthly page views", "MIT");
        return new Report(Report.SCHEMA_VERSION, "tailgap 0.1.0", dataset, run, "mass:3", 30, buckets, overall,
                gap, slope);
    }

    /**
     * Edge cases: a middle bucket whose items all failed (no scored items, NaN estimates), a small tail that beats
     * the head (negative gap whose interval includes zero), an undefined slope, no model in the run, nulls in the
     * dataset reference, and run settings with nested values, quotes and non-ASCII text.
     */
    static Report edge() {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("prompt", "qa \"short\" \u2014 v2");
        run.put("seed", 7);
        run.put("scorer", null);
        run.put("stop", List.of("\n", "Q:"));
        run.put("judge", Map.of("enabled", false, "threshold", 0.75));
        run.put("notes", "");
        List<BucketStats> buckets = List.of(
                new BucketStats("1e4+", 10000, INF, 120, 40, 40, 12, 20, 8, 0,
                        e(0.3, 0.180748, 0.4543), e(0.5, 0.351995, 0.648005), e(0.2, 0.105, 0.347573),
                        e(0.375, 0.229339, 0.547456), false),
                new BucketStats("1e2-1e4", 100, 10000, 5, 3, 0, 0, 0, 0, 3,
                        Estimate.NONE, Estimate.NONE, Estimate.NONE, Estimate.NONE, true),
                new BucketStats("<1e2", 0, 100, 80, 25, 25, 13, 2, 10, 0,
                        e(0.52, 0.334985, 0.699687), e(0.08, 0.02222, 0.249661), e(0.4, 0.234033, 0.592605),
                        e(0.866667, 0.62118, 0.962639), true));
        Totals overall = new Totals(68, 65, 25, 22, 18, 3, e(0.384615, 0.27595, 0.506158),
                e(0.338462, 0.235335, 0.459616), e(0.276923, 0.182936, 0.395806), e(0.531915, 0.392324, 0.666683),
                0.044118);
        Gap gap = new Gap("1e4+", "<1e2", e(-0.22, -0.435658, 0.020913), e(-0.42, -0.578884, -0.194855));
        Slope slope = new Slope(NAN, NAN, NAN, NAN, NAN, 40, 25);
        DatasetRef dataset = new DatasetRef("tiny-edges", "0.1", "00ff", 205, null, null);
        return new Report(Report.SCHEMA_VERSION, "tailgap 0.1.0", dataset, run, "edges:100,10000", 30, buckets,
                overall, gap, slope);
    }
}
