package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Report} as JSON, and back.
 *
 * <p>The output is pretty-printed with a two-space indent, {@code \n} line ends and a trailing newline. Keys appear
 * in the order below (the records' component order), so the same report always gives the same bytes. Rates,
 * interval bounds, the error rate and the slope's values are rounded to six decimals (half-even) and written with at
 * least one decimal; bucket bounds are written as integers when integral. JSON has no NaN: a NaN number (nothing
 * to estimate) is written as {@code null} and read back as NaN. A bucket's {@code upper} of +Infinity (the head's
 * open end) is written as {@code null} too. {@link #parse} reads {@link #render}'s output back into an equal report
 * whenever the report's numbers already have at most six decimals; otherwise it gives the rounded report, and
 * rendering that again gives the same bytes.
 *
 * <h2>Schema, version 1</h2>
 * The machine-readable form is {@code dev/tailgap/reports/report.schema.json} (JSON Schema 2020-12) on the
 * classpath. Every key is always written; "or null" marks the values that may be {@code null}.
 * <pre>
 * schemaVersion    integer   1; bumped when the shape changes incompatibly. Readers reject newer versions.
 * tool             string or null   the tool and its version that wrote the report, e.g. "tailgap 0.1.0"
 * dataset          object    the dataset the run used:
 *   name             string or null   dataset name
 *   version          string or null   dataset version; name@version identifies the dataset
 *   sha256           string or null   sha256 of the item file (hex)
 *   size             integer   items in the whole dataset
 *   frequencySource  string or null   what frequency means (e.g. "Wikipedia monthly page views")
 *   license          string or null   the dataset's license
 * run              object    the run's settings (model, prompt, scorer, seed, ...): any JSON, keys sorted, no secrets
 * bucketing        string or null   the bucketing scheme, e.g. "mass:3", "log10", "quantile:4", "edges:10,1000"
 * minBucketSize    integer   buckets with fewer scored items than this are flagged "small"
 * buckets          array     one object per bucket, ordered head (most frequent) to tail:
 *   name             string    bucket name
 *   lower            number    lowest frequency in the bucket (inclusive)
 *   upper            number or null   frequency bound above the bucket (exclusive); null = unbounded
 *   datasetSize      integer   items of the whole dataset in this bucket
 *   asked            integer   items this run asked
 *   n                integer   items scored: asked minus errors
 *   correct          integer   outcome counts over the scored items ...
 *   hallucinated     integer
 *   abstained        integer
 *   errors           integer   ... and endpoint failures, left out of n
 *   accuracy         estimate  correct / n, Wilson 95% interval
 *   hallucination    estimate  hallucinated / n, Wilson 95% interval
 *   abstention       estimate  abstained / n, Wilson 95% interval
 *   precision        estimate  correct / (correct + hallucinated), Wilson 95% interval
 *   small            boolean   n &lt; minBucketSize
 * overall          object    the whole run:
 *   asked, n, correct, hallucinated, abstained, errors     integer   as for a bucket
 *   accuracy, hallucination, abstention, precision          estimate  as for a bucket; when the run sampled per
 *                              bucket: weighted by the buckets' dataset sizes, stratified Wilson 95% interval
 *   errorRate        number or null   errors / asked
 * pooled           totals or null   when "overall" is weighted by bucket size: the run's items pooled as if they
 *                            were the dataset (the fields of "overall"); otherwise null
 * gap              object or null   head versus tail (null when there are fewer than two buckets):
 *   head             string or null   the head: the first bucket with at least minBucketSize scored items
 *   tail             string or null   the tail: the last such bucket; both null when fewer than two qualify
 *   accuracy         estimate  head accuracy minus tail accuracy, Newcombe 95% interval
 *   hallucination    estimate  tail hallucination minus head hallucination, Newcombe 95% interval
 *   note             string or null   why there is no head and tail; null when there are
 * slope            object or null   log-linear fit of correctness against log10(frequency):
 *   perDecade        number or null   change in accuracy (a proportion) per tenfold frequency
 *   lower, upper     number or null   its 95% interval (HC3 heteroskedasticity-robust standard error, normal quantile)
 *   intercept        number or null   fitted accuracy at frequency 1
 *   r2               number or null   R² of the line against accuracy binned by decade
 *   n                integer   scored items in the fit
 *   excluded         integer   scored items left out because their frequency is 0
 *   r2Items          number or null   R² of the line over the individual items
 *   logit            estimate  logistic regression coefficient, log-odds per decade, Wald 95% interval
 *   marginal         estimate  its average marginal effect (probability per decade), delta-method 95% interval
 *   note             string or null   why the fit is undefined; null when it is defined
 * points           array     accuracy per decade of frequency, ascending (the points of the chart); absent in
 *                            reports written before it was added, read as empty:
 *   decade           integer   k for the frequencies [10^k, 10^(k+1)); items with frequency 0 are in no point
 *   meanLog10        number    mean log10(frequency) of the point's scored items
 *   n                integer   scored items in the decade
 *   correct          integer   of which correct
 *   accuracy         estimate  correct / n, Wilson 95% interval
 * relations        array     one object per relation (kind of question), sorted by name, items without a relation
 *                            last; empty when no item has a relation; absent in older reports, read as empty:
 *   name             string or null   the relation; null for items without one
 *   overall          totals    the relation's items over the whole run (the fields of "overall" above)
 *   buckets          array     totals per bucket, aligned with "buckets": element i is the relation's bucket i
 *   pooled           totals or null   as the top-level "pooled", for the relation
 * integrity        object    what the figures rest on (absent in older reports, read as complete and unknown):
 *   complete         boolean   every planned item was asked and the run finished
 *   planned          integer   items the run meant to ask (-1: unknown)
 *   unasked          integer   planned items never asked (counted as errors by the gate's errors.rate)
 *   truncated        integer   answers cut off by the token limit (finish reason "length")
 *   truncatedByBucket object   the same per bucket name, head to tail
 *   fromCache        integer   answers served by the response cache (under the same served identity)
 *   fromEarlierAttempts integer answers kept from an earlier attempt of this run
 *   served           array     distinct {model, fingerprint, items} the replies named; two or more: it changed
 *   endpoint         object    facts the endpoint gave about itself at the start (/v1/models, /props, digest)
 * consistency      object    only for runs that asked each item K > 1 times (--samples): samples (K), buckets
 *                            (rows head to tail) and overall; a row: name, n (items with all K samples scored),
 *                            unstable, instability, majorityCorrect, majorityAccuracy, anyCorrect, accuracyAtK,
 *                            firstCorrect, firstAccuracy (estimates: Wilson 95%)
 * metadata         object    when and how the run was made (absent when unknown; differs between runs of the same
 *                            inputs, unlike everything above): startedAt, endedAt (ISO-8601 UTC), durationSeconds,
 *                            attempts, requests, retries, totals {items, live, cacheHits, promptTokens,
 *                            completionTokens, tokensUnknown, latencyP50Ms, latencyP95Ms, latencyP99Ms, streamed,
 *                            firstTokenP50Ms}, cost {usd, inputPerMillion, outputPerMillion, lowerBound} when
 *                            prices were given, and replicas [{endpoint, requests, answered, servedDigest}] for a
 *                            run over several base URLs; see RunMetadata
 *
 * estimate = { "value": number or null, "lower": number or null, "upper": number or null }
 *            proportions in [0, 1] (differences in [-1, 1]); all three null when undefined (no items)
 * </pre>
 */
public final class JsonReport {
    /** Classpath location of the JSON Schema of the current {@link Report#SCHEMA_VERSION}. */
    public static final String SCHEMA_RESOURCE = "/dev/tailgap/reports/report.schema.json";

    private JsonReport() {
    }

    /**
     * The report as JSON text, ending in a newline.
     *
     * @throws IllegalArgumentException if a bucket bound is NaN, a lower bound is infinite, or a rate is infinite
     * @throws NullPointerException if {@code dataset}, {@code overall} or a bucket is null
     */
    public static String render(Report r) {
        Objects.requireNonNull(r.dataset(), "report.dataset");
        Objects.requireNonNull(r.overall(), "report.overall");
        StringWriter w = new StringWriter(8192);
        try (JsonGenerator g = JsonTrees.FACTORY.createGenerator(w)) {
            g.setPrettyPrinter(printer());
            write(g, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.append('\n').toString();
    }

    /** Writes the report as one JSON object (used to nest reports in other documents). */
    static void write(JsonGenerator g, Report r) throws IOException {
        Objects.requireNonNull(r.dataset(), "report.dataset");
        Objects.requireNonNull(r.overall(), "report.overall");
        g.writeStartObject();
        g.writeNumberField("schemaVersion", r.schemaVersion());
        g.writeStringField("tool", r.tool());
        writeDataset(g, r.dataset());
        g.writeFieldName("run");
        SettingsJson.write(g, r.run().settings());
        g.writeStringField("bucketing", r.bucketing());
        g.writeNumberField("minBucketSize", r.minBucketSize());
        g.writeArrayFieldStart("buckets");
        for (int i = 0; i < r.buckets().size(); i++) {
            writeBucket(g, Objects.requireNonNull(r.buckets().get(i), "report.buckets[" + i + "]"), i);
        }
        g.writeEndArray();
        writeTotals(g, r.overall());
        g.writeFieldName("pooled");
        writeTotalsOrNull(g, r.pooled(), "pooled");
        writeGap(g, r.gap());
        writeSlope(g, r.slope());
        writePoints(g, r.points());
        writeRelations(g, r.relations());
        IntegrityJson.write(g, r.integrity(), r.overall().asked());
        ConsistencyJson.write(g, r.consistency());
        RunMetadataJson.write(g, r.metadata());
        g.writeEndObject();
    }

    static DefaultPrettyPrinter printer() {
        return new JsonPrinter();
    }

    static void writeDataset(JsonGenerator g, DatasetRef d) throws IOException {
        g.writeObjectFieldStart("dataset");
        g.writeStringField("name", d.name());
        g.writeStringField("version", d.version());
        g.writeStringField("sha256", d.sha256());
        g.writeNumberField("size", d.size());
        g.writeStringField("frequencySource", d.frequencySource());
        g.writeStringField("license", d.license());
        g.writeEndObject();
    }

    private static void writeBucket(JsonGenerator g, BucketStats b, int i) throws IOException {
        String at = "buckets[" + i + "]";
        g.writeStartObject();
        g.writeStringField("name", b.name());
        if (!Double.isFinite(b.lower())) {
            throw new IllegalArgumentException(at + ".lower: expected a finite frequency, got " + b.lower());
        }
        g.writeFieldName("lower");
        g.writeNumber(Numbers.jsonFrequency(b.lower()));
        g.writeFieldName("upper");
        if (b.upper() == Double.POSITIVE_INFINITY) {
            g.writeNull();
        } else if (Double.isFinite(b.upper())) {
            g.writeNumber(Numbers.jsonFrequency(b.upper()));
        } else {
            throw new IllegalArgumentException(at + ".upper: expected a frequency or +Infinity, got " + b.upper());
        }
        g.writeNumberField("datasetSize", b.datasetSize());
        g.writeNumberField("asked", b.asked());
        g.writeNumberField("n", b.n());
        g.writeNumberField("correct", b.correct());
        g.writeNumberField("hallucinated", b.hallucinated());
        g.writeNumberField("abstained", b.abstained());
        g.writeNumberField("errors", b.errors());
        writeEstimate(g, "accuracy", b.accuracy(), at);
        writeEstimate(g, "hallucination", b.hallucination(), at);
        writeEstimate(g, "abstention", b.abstention(), at);
        writeEstimate(g, "precision", b.precision(), at);
        g.writeBooleanField("small", b.small());
        g.writeEndObject();
    }

    private static void writeTotals(JsonGenerator g, Totals t) throws IOException {
        g.writeFieldName("overall");
        writeTotalsObject(g, t, "overall");
    }

    private static void writeTotalsOrNull(JsonGenerator g, Totals t, String at) throws IOException {
        if (t == null) {
            g.writeNull();
        } else {
            writeTotalsObject(g, t, at);
        }
    }

    private static void writeTotalsObject(JsonGenerator g, Totals t, String at) throws IOException {
        g.writeStartObject();
        g.writeNumberField("asked", t.asked());
        g.writeNumberField("n", t.n());
        g.writeNumberField("correct", t.correct());
        g.writeNumberField("hallucinated", t.hallucinated());
        g.writeNumberField("abstained", t.abstained());
        g.writeNumberField("errors", t.errors());
        writeEstimate(g, "accuracy", t.accuracy(), at);
        writeEstimate(g, "hallucination", t.hallucination(), at);
        writeEstimate(g, "abstention", t.abstention(), at);
        writeEstimate(g, "precision", t.precision(), at);
        writeRate(g, "errorRate", t.errorRate(), at);
        g.writeEndObject();
    }

    private static void writePoints(JsonGenerator g, List<DecadePoint> points) throws IOException {
        g.writeArrayFieldStart("points");
        for (int i = 0; i < points.size(); i++) {
            DecadePoint p = Objects.requireNonNull(points.get(i), "report.points[" + i + "]");
            String at = "points[" + i + "]";
            g.writeStartObject();
            g.writeNumberField("decade", p.decade());
            writeRate(g, "meanLog10", p.meanLog10(), at);
            g.writeNumberField("n", p.n());
            g.writeNumberField("correct", p.correct());
            writeEstimate(g, "accuracy", p.accuracy(), at);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeRelations(JsonGenerator g, List<RelationStats> relations) throws IOException {
        g.writeArrayFieldStart("relations");
        for (int i = 0; i < relations.size(); i++) {
            RelationStats rel = Objects.requireNonNull(relations.get(i), "report.relations[" + i + "]");
            String at = "relations[" + i + "]";
            g.writeStartObject();
            g.writeStringField("name", rel.name());
            g.writeFieldName("overall");
            writeTotalsObject(g, rel.overall(), at + ".overall");
            g.writeArrayFieldStart("buckets");
            for (int b = 0; b < rel.buckets().size(); b++) {
                writeTotalsObject(g, rel.buckets().get(b), at + ".buckets[" + b + "]");
            }
            g.writeEndArray();
            g.writeFieldName("pooled");
            writeTotalsOrNull(g, rel.pooled(), at + ".pooled");
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeGap(JsonGenerator g, Gap gap) throws IOException {
        g.writeFieldName("gap");
        if (gap == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("head", gap.head());
        g.writeStringField("tail", gap.tail());
        writeEstimate(g, "accuracy", gap.accuracy(), "gap");
        writeEstimate(g, "hallucination", gap.hallucination(), "gap");
        g.writeStringField("note", gap.note());
        g.writeEndObject();
    }

    private static void writeSlope(JsonGenerator g, Slope s) throws IOException {
        g.writeFieldName("slope");
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        writeRate(g, "perDecade", s.perDecade(), "slope");
        writeRate(g, "lower", s.lower(), "slope");
        writeRate(g, "upper", s.upper(), "slope");
        writeRate(g, "intercept", s.intercept(), "slope");
        writeRate(g, "r2", s.r2(), "slope");
        g.writeNumberField("n", s.n());
        g.writeNumberField("excluded", s.excluded());
        writeRate(g, "r2Items", s.r2Items(), "slope");
        writeEstimate(g, "logit", s.logit(), "slope");
        writeEstimate(g, "marginal", s.marginal(), "slope");
        g.writeStringField("note", s.note());
        g.writeEndObject();
    }

    static void writeEstimate(JsonGenerator g, String name, Estimate e, String at) throws IOException {
        Estimate v = e == null ? Estimate.NONE : e;
        g.writeObjectFieldStart(name);
        writeRate(g, "value", v.value(), at + "." + name);
        writeRate(g, "lower", v.lower(), at + "." + name);
        writeRate(g, "upper", v.upper(), at + "." + name);
        g.writeEndObject();
    }

    static void writeRate(JsonGenerator g, String name, double d, String at) throws IOException {
        g.writeFieldName(name);
        if (Double.isNaN(d)) {
            g.writeNull();
        } else if (Double.isInfinite(d)) {
            throw new IllegalArgumentException(at + "." + name + ": expected a finite number or NaN, got " + d);
        } else {
            g.writeNumber(Numbers.json6(d));
        }
    }

    /**
     * Reads a report written by {@link #render}. Unknown keys are ignored; every key of the schema must be present.
     * The settings under {@code run} come back as {@link Settings} (integers as {@link Long} or
     * {@link java.math.BigInteger}, other numbers as {@link Double}).
     *
     * @throws IllegalArgumentException with a one-line message naming the field, when the text is not a valid report
     */
    public static Report parse(String json) {
        return JsonReportReader.parse(json);
    }
}
