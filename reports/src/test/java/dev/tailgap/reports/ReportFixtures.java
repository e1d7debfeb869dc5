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
        Slope slope = new Slope(0.118342, 0.094127, 0.142557, -0.172406, 0.962118, 590, 3, 0.312544,
                new Estimate(0.621871, 0.50918, 0.734562), new Estimate(0.119027, 0.09964, 0.138414), null);
        DatasetRef dataset = new DatasetRef("popqa-sample", "2024.1",
                "3f9a1c07d2b84e55a0c6f1e2d3b4a5968778695a4b3c2d1e0f9e8d7c6b5a4938", 1500,
                "Wikipedia monthly page views", "MIT");
        List<DecadePoint> points = List.of(
                new DecadePoint(0, 0.55, 60, 4, e(0.066667, 0.026229, 0.159254)),
                new DecadePoint(1, 1.48, 150, 18, e(0.12, 0.077269, 0.181708)),
                new DecadePoint(2, 2.51, 180, 43, e(0.238889, 0.182466, 0.306224)),
                new DecadePoint(3, 3.47, 120, 50, e(0.416667, 0.332384, 0.50612)),
                new DecadePoint(4, 4.42, 55, 39, e(0.709091, 0.578593, 0.812288)),
                new DecadePoint(5, 5.31, 25, 20, e(0.8, 0.60869, 0.911394)));
        List<RelationStats> relations = List.of(
                new RelationStats("occupation", new Totals(328, 324, 96, 142, 86, 4,
                        e(0.296296, 0.249197, 0.348169), e(0.438272, 0.385281, 0.492709),
                        e(0.265432, 0.220304, 0.316057), e(0.403361, 0.343049, 0.466743), 0.012195), List.of(
                        new Totals(14, 14, 11, 2, 1, 0, e(0.785714, 0.524108, 0.924286),
                                e(0.142857, 0.040094, 0.399414), e(0.071429, 0.012722, 0.314687),
                                e(0.846154, 0.577654, 0.956742), 0.0),
                        new Totals(81, 80, 45, 22, 13, 1, e(0.5625, 0.453411, 0.665861), e(0.275, 0.189178, 0.381441),
                                e(0.1625, 0.097498, 0.258429), e(0.671642, 0.552582, 0.772087), 0.012346),
                        new Totals(233, 230, 40, 118, 72, 3, e(0.173913, 0.130394, 0.228145),
                                e(0.513043, 0.448766, 0.576893), e(0.313043, 0.256599, 0.375631),
                                e(0.253165, 0.191777, 0.32627), 0.012876))),
                new RelationStats("place of birth", new Totals(272, 269, 81, 116, 72, 3,
                        e(0.301115, 0.24941, 0.35842), e(0.431227, 0.373423, 0.490968),
                        e(0.267658, 0.218294, 0.323565), e(0.411168, 0.344796, 0.480938), 0.011029), List.of(
                        new Totals(10, 10, 8, 1, 1, 0, e(0.8, 0.490162, 0.943318), e(0.1, 0.017876, 0.40415),
                                e(0.1, 0.017876, 0.40415), e(0.888889, 0.565, 0.980109), 0.0),
                        new Totals(69, 68, 37, 19, 12, 1, e(0.544118, 0.426566, 0.656951),
                                e(0.279412, 0.186779, 0.395634), e(0.176471, 0.103936, 0.283604),
                                e(0.660714, 0.529995, 0.7708), 0.014493),
                        new Totals(193, 191, 36, 96, 59, 2, e(0.188482, 0.139366, 0.249881),
                                e(0.502618, 0.432361, 0.572772), e(0.308901, 0.247682, 0.377654),
                                e(0.272727, 0.203985, 0.354323), 0.010363))));
        return new Report(Report.SCHEMA_VERSION, "tailgap 0.1.0", dataset, RunInfo.of(run), "mass:3", 30, buckets, overall,
                gap, slope, points, relations);
    }

    /**
     * Edge cases: a middle bucket whose items all failed (no scored items, NaN estimates), a small tail that beats
     * the head (negative gap whose interval includes zero), an undefined slope, no model in the run, nulls in the
     * dataset reference, and run settings with nested values, quotes and non-ASCII text.
     */
    /** The standard report with run metadata: a resumed, streamed, priced run, some answers without token counts. */
    static Report withMetadata() {
        RunTotals totals = new RunTotals(340, 300, 40, 12_345, 1_234, 3, 118.5, 342.5, 801.0, 280, 45.0);
        return standard().withMetadata(new RunMetadata("2026-03-01T09:15:02Z", "2026-03-01T09:17:40Z", 151.25, 2, 0,
                312, 12, totals, Cost.of(totals, new Prices(0.15, 0.6))));
    }

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
        Slope slope = new Slope(NAN, NAN, NAN, NAN, NAN, 40, 25, NAN, null, null,
                "every scored item was wrong, so accuracy cannot change with frequency");
        DatasetRef dataset = new DatasetRef("tiny-edges", "0.1", "00ff", 205, null, null);
        List<RelationStats> relations = List.of(
                new RelationStats("x", new Totals(43, 40, 12, 20, 8, 3, e(0.3, 0.180748, 0.4543),
                        e(0.5, 0.351995, 0.648005), e(0.2, 0.105, 0.347573), e(0.375, 0.229339, 0.547456), 0.069767),
                        List.of(new Totals(40, 40, 12, 20, 8, 0, e(0.3, 0.180748, 0.4543), e(0.5, 0.351995, 0.648005),
                                        e(0.2, 0.105, 0.347573), e(0.375, 0.229339, 0.547456), 0.0),
                                empty(3), empty(0))),
                new RelationStats(null, new Totals(25, 25, 13, 2, 10, 0, e(0.52, 0.334985, 0.699687),
                        e(0.08, 0.02222, 0.249661), e(0.4, 0.234033, 0.592605), e(0.866667, 0.62118, 0.962639), 0.0),
                        List.of(empty(0), empty(0), new Totals(25, 25, 13, 2, 10, 0, e(0.52, 0.334985, 0.699687),
                                e(0.08, 0.02222, 0.249661), e(0.4, 0.234033, 0.592605),
                                e(0.866667, 0.62118, 0.962639), 0.0))));
        Map<String, Integer> truncated = new LinkedHashMap<>();
        truncated.put("1e4+", 2);
        truncated.put("1e2-1e4", 0);
        truncated.put("<1e2", 5);
        RunIntegrity integrity = new RunIntegrity(false, 90, 7, truncated, 11, 20,
                List.of(new RunIntegrity.Served("m", "fp_a", 50), new RunIntegrity.Served("m", "fp_b", 15)),
                Map.of("props.model_path", "/models/<x>.gguf"));
        return new Report(Report.SCHEMA_VERSION, "tailgap 0.1.0", dataset, RunInfo.of(run), "edges:100,10000", 30, buckets,
                overall, gap, slope, List.of(new DecadePoint(4, 4.0, 40, 12, e(0.3, 0.180748, 0.4543))), relations)
                .withIntegrity(integrity);
    }

    /** Totals of {@code errors} items that all failed (or of nothing). */
    static Totals empty(int errors) {
        return new Totals(errors, 0, 0, 0, 0, errors, Estimate.NONE, Estimate.NONE, Estimate.NONE, Estimate.NONE,
                errors == 0 ? 0.0 : 1.0);
    }

    /**
     * Item results for {@link #standard()}, deliberately out of order: plain items of each outcome, an endpoint error,
     * and answers that try to break out of HTML, JSON, CSV and XML (script tags, event handlers, a closing script tag,
     * a javascript: link, formula prefixes, quotes, commas, line breaks and control characters).
     */
    static List<ItemResult> items() {
        return List.of(
                item("q:07", "Who founded Acme, Inc.?", List.of("Wile E. Coyote", "Coyote"), "occupation", 120,
                        "tail", "=HYPERLINK(\"http://x\")", Outcome.HALLUCINATED, null),
                item("q:01", "What is Ada Lovelace's occupation?", List.of("mathematician", "writer"), "occupation",
                        91000, "head", "Mathematician.", Outcome.CORRECT, null),
                item("q:02", "In what city was Alan Turing born?", List.of("London", "Maida Vale"), "place of birth",
                        62000, "head", "<script>window.__pwned=1</script>", Outcome.HALLUCINATED, null),
                item("q:03", "What is Grace Hopper's occupation?", List.of("computer scientist"), "occupation", 9000,
                        "torso", "I don't know.", Outcome.ABSTAINED, null),
                item("q:04", "In what city was <b>Edsger</b> born?", List.of("Rotterdam"), "place of birth", 4100,
                        "torso", "<img src=x onerror=\"window.__pwned=2\">", Outcome.HALLUCINATED, null),
                item("q:05", "What is X's occupation?", List.of("-1", "+44", "@home"), "occupation", 2,
                        "tail", "</script><script>document.title='pwned'</script>", Outcome.HALLUCINATED, null),
                item("q:06", "In what city was Y born?", List.of("Paris"), "place of birth", 0, "tail", null,
                        Outcome.ERROR, "HTTP 503 from the endpoint after 3 retries"),
                item("q:08", "Line\nbreak, \"quotes\" and a tab\t?", List.of("a, b", "c\"d"), null, 35.5, "tail",
                        "<a href=\"javascript:window.__pwned=3\">click</a>", Outcome.HALLUCINATED, null),
                item("q:09", "What is Z's occupation?", List.of("poet"), "occupation", 3150, "torso",
                        "\"><svg onload=window.__pwned=4>", Outcome.HALLUCINATED, null),
                item("q:10", "In what city was W born?", List.of("Oslo"), "place of birth", 48210, "head",
                        "Oslo\u0007 \u2028 \u00e9\u00e8 \ud83d\ude00", Outcome.CORRECT, null));
    }

    static ItemResult item(String id, String question, List<String> answers, String relation, double frequency,
                           String bucket, String raw, Outcome outcome, String error) {
        String extracted = raw == null ? null : raw.lines().findFirst().orElse("");
        return new ItemResult(id, question, answers, question.split(" ")[0], relation, frequency, bucket, raw,
                extracted, outcome, error, 40 + id.hashCode() % 7, raw == null ? -1 : 12, raw == null ? -1 : 3);
    }

    /** Gate results for the JUnit report: passes and failures, with characters XML must escape. */
    static List<GateResult> gates() {
        return GateFixtures.failing().results();
    }

    /**
     * A comparison of {@link #standard()} (the baseline) with a run that is better in the tail, and with a third run,
     * for the renderers' golden files. The paired numbers are illustrative, not computed from items.
     */
    static Comparison comparison() {
        Report a = standard();
        List<DecadePoint> better = a.points().stream().map(p -> new DecadePoint(p.decade(), p.meanLog10(), p.n(),
                Math.min(p.n(), p.correct() + p.n() / 5), e(Math.min(1, p.accuracy().value() + 0.2),
                Math.min(1, p.accuracy().lower() + 0.2), Math.min(1, p.accuracy().upper() + 0.2)))).toList();
        Map<String, Object> runB = new LinkedHashMap<>(settingsMap(a));
        runB.put("model", "openai:gpt-4o <b>");
        Report b = new Report(a.schemaVersion(), a.tool(), a.dataset(), RunInfo.of(runB), a.bucketing(), a.minBucketSize(),
                a.buckets(), a.overall(), a.gap(), new Slope(0.09, 0.07, 0.11, 0.1, 0.9, 590, 3), better,
                a.relations());
        Map<String, Object> runC = new LinkedHashMap<>(settingsMap(a));
        runC.put("model", "local:llama");
        Report c = new Report(a.schemaVersion(), a.tool(), a.dataset(), RunInfo.of(runC), a.bucketing(), a.minBucketSize(),
                a.buckets(), a.overall(), a.gap(), a.slope(), a.points(), a.relations());
        List<Comparison.ComparedRun> runs = List.of(new Comparison.ComparedRun("openai:gpt-4o-mini", "run-a", a),
                new Comparison.ComparedRun("openai:gpt-4o <b>", "run-b", b),
                new Comparison.ComparedRun("local:llama", "run-c", c));
        Comparison.PairedComparison ab = new Comparison.PairedComparison("openai:gpt-4o-mini", "openai:gpt-4o <b>",
                List.of(new Comparison.PairedBucket("head", 24, 18, 1, 2, 3, 0, e(0.041667, -0.108, 0.19), 1.0, 1.0,
                                false),
                        new Comparison.PairedBucket("torso", 146, 75, 6, 15, 50, 4, e(0.061644, 0.0058, 0.1183),
                                0.078354, 0.156708, false),
                        new Comparison.PairedBucket("tail", 415, 70, 5, 40, 300, 11, e(0.084337, 0.0572, 0.1128),
                                1.2345678e-7, 3.7037034e-7, true)),
                new Comparison.PairedBucket("all", 585, 163, 12, 57, 353, 15, e(0.076923, 0.0561, 0.0978), 3.1e-9,
                        NAN, false),
                new Comparison.GapShift("head", "tail", e(0.611, 0.41, 0.73), e(0.53, 0.33, 0.66),
                        e(0.041667, -0.108, 0.19), e(0.084337, 0.0572, 0.1128), e(-0.04267, -0.197, 0.107), null),
                List.of(new Comparison.PairedRate("head", 24, 1, 0, e(-0.041667, -0.19, 0.09), 1.0, 1.0, false),
                        new Comparison.PairedRate("torso", 146, 9, 3, e(-0.041096, -0.095, 0.01), 0.146, 0.292,
                                false),
                        new Comparison.PairedRate("tail", 415, 38, 9, e(-0.069880, -0.098, -0.043), 1.9e-5, 5.7e-5,
                                true)),
                List.of(new Comparison.PairedRate("head", 24, 1, 1, e(0.0, -0.12, 0.12), 1.0, 1.0, false),
                        new Comparison.PairedRate("torso", 146, 5, 4, e(-0.006849, -0.05, 0.036), 1.0, 1.0, false),
                        new Comparison.PairedRate("tail", 415, 12, 6, e(-0.014458, -0.036, 0.006), 0.238, 0.714,
                                false)));
        Comparison.PairedComparison ac = new Comparison.PairedComparison("openai:gpt-4o-mini", "local:llama",
                List.of(new Comparison.PairedBucket("head", 24, 16, 3, 1, 4, 0, e(-0.083333, -0.25, 0.08), 0.625,
                                1.0, false),
                        new Comparison.PairedBucket("torso", 0, 0, 0, 0, 0, 150, Estimate.NONE, NAN, NAN, false),
                        new Comparison.PairedBucket("tail", 415, 60, 15, 14, 326, 11, e(-0.00241, -0.021, 0.016),
                                1.0, 1.0, false)),
                new Comparison.PairedBucket("all", 439, 76, 18, 15, 330, 161, e(-0.006834, -0.03, 0.016), 0.728,
                        NAN, false),
                new Comparison.GapShift("head", "tail", e(0.611, 0.41, 0.73), e(0.53, 0.33, 0.66),
                        e(-0.083333, -0.25, 0.08), e(-0.00241, -0.021, 0.016), e(-0.080923, -0.249, 0.083), null));
        List<Comparison.RankedRun> ranking = List.of(
                new Comparison.RankedRun("openai:gpt-4o <b>", e(0.26, 0.22, 0.3)),
                new Comparison.RankedRun("openai:gpt-4o-mini", a.buckets().get(2).accuracy()),
                new Comparison.RankedRun("local:llama", e(0.178, 0.144, 0.217)));
        Comparison.Disagreements d = new Comparison.Disagreements(3, List.of(1, 0, 2), 25, List.of(
                new Comparison.Disagreement("q:01", "What is Ada Lovelace's occupation?", List.of("mathematician"),
                        "head", List.of(Outcome.CORRECT, Outcome.CORRECT, Outcome.ABSTAINED),
                        java.util.Arrays.asList("Mathematician.", "mathematician", "unsure")),
                new Comparison.Disagreement("q:05", "What is X's occupation?", List.of("-1"), "tail",
                        List.of(Outcome.HALLUCINATED, Outcome.CORRECT, Outcome.HALLUCINATED),
                        java.util.Arrays.asList("</script><img src=x onerror=alert(1)>", "-1", "| pipe | `tick`")),
                new Comparison.Disagreement("q:07", "Who founded Acme, Inc.?", List.of("Coyote"), "tail",
                        List.of(Outcome.CORRECT, Outcome.HALLUCINATED, Outcome.HALLUCINATED),
                        java.util.Arrays.asList("Coyote", "Road Runner", "Acme\nCorp"))));
        return new Comparison(Comparison.SCHEMA_VERSION, "tailgap 0.1.0", a.dataset(), a.bucketing(), "tail", runs,
                List.of(ab, ac), ranking, d);
    }

    /** A report's top-level settings as a map of their values (for fixtures that change one setting). */
    static Map<String, Object> settingsMap(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        r.run().settings().entries().forEach(e -> m.put(e.name(), e.value()));
        return m;
    }
}
