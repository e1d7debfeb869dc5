package dev.tailgap.reports;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@link Report} as CSV for spreadsheets: {@link #buckets} gives one row per bucket (head to tail), {@link #items}
 * one row per item (sorted like the HTML report: bucket, descending frequency, id).
 *
 * <p>Format: RFC 4180 (written by jackson-dataformat-csv): a header row, comma-separated, CRLF line ends, a field
 * quoted with {@code "} when it holds a comma, quote, line break or leading/trailing space, quotes doubled. Rates are
 * proportions with six decimals; an undefined rate or an unbounded upper bucket bound is an empty field. Gold answers
 * are joined with {@code " | "}.
 *
 * <p>Formula-injection guard: a text field (never a number column) that starts with {@code = + - @}, a tab or a
 * carriage return gets a leading apostrophe ({@code '=cmd} instead of {@code =cmd}), so a spreadsheet shows it as
 * text instead of evaluating it (OWASP "CSV injection"). Strip one leading apostrophe from such fields to get the
 * original text back; the exact values are in the JSON report and items.jsonl.
 */
public final class CsvReport {
    /** Columns of {@link #buckets}. */
    public static final List<String> BUCKET_COLUMNS = List.of("bucket", "lower", "upper", "dataset_size", "asked", "n",
            "correct", "hallucinated", "abstained", "errors", "accuracy", "accuracy_lower", "accuracy_upper",
            "hallucination", "hallucination_lower", "hallucination_upper", "abstention", "abstention_lower",
            "abstention_upper", "precision", "precision_lower", "precision_upper", "small", "truncated");

    /** Columns of {@link #items}. */
    public static final List<String> ITEM_COLUMNS = List.of("id", "bucket", "frequency", "relation", "concept",
            "question", "answers", "outcome", "extracted", "raw_answer", "error", "latency_ms", "prompt_tokens",
            "completion_tokens", "finish_reason", "served_model", "fingerprint", "cached");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private CsvReport() {
    }

    /** One row per bucket, head to tail. */
    public static String buckets(Report r) {
        StringWriter w = new StringWriter();
        try (SequenceWriter out = writer(w, BUCKET_COLUMNS)) {
            for (BucketStats b : r.buckets()) {
                List<String> row = new ArrayList<>(BUCKET_COLUMNS.size());
                row.add(guard(b.name()));
                row.add(Numbers.jsonFrequency(b.lower()));
                row.add(Double.isFinite(b.upper()) ? Numbers.jsonFrequency(b.upper()) : "");
                row.add(Integer.toString(b.datasetSize()));
                row.add(Integer.toString(b.asked()));
                row.add(Integer.toString(b.n()));
                row.add(Integer.toString(b.correct()));
                row.add(Integer.toString(b.hallucinated()));
                row.add(Integer.toString(b.abstained()));
                row.add(Integer.toString(b.errors()));
                for (Estimate e : List.of(b.accuracy(), b.hallucination(), b.abstention(), b.precision())) {
                    row.add(rate(e == null ? Double.NaN : e.value()));
                    row.add(rate(e == null ? Double.NaN : e.lower()));
                    row.add(rate(e == null ? Double.NaN : e.upper()));
                }
                row.add(Boolean.toString(b.small()));
                row.add(Integer.toString(r.integrity().truncatedByBucket().getOrDefault(b.name(), 0)));
                out.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** One row per item. */
    public static String items(Report r, Collection<ItemResult> items) {
        StringWriter w = new StringWriter(items.size() * 200 + 256);
        try {
            items(r, items, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes one row per item to {@code out} (not closed). */
    public static void items(Report r, Collection<ItemResult> items, Writer out) throws IOException {
        try (SequenceWriter seq = writer(out, ITEM_COLUMNS)) {
            for (ItemResult it : ItemSample.sort(r, new ArrayList<>(items))) {
                List<String> row = new ArrayList<>(ITEM_COLUMNS.size());
                row.add(guard(it.id()));
                row.add(guard(it.bucket()));
                row.add(Numbers.jsonFrequency(it.frequency()));
                row.add(guard(it.relation()));
                row.add(guard(it.concept()));
                row.add(guard(it.question()));
                row.add(guard(String.join(" | ", it.answers())));
                row.add(it.outcome().name());
                row.add(guard(it.extracted()));
                row.add(guard(it.rawAnswer()));
                row.add(guard(it.error()));
                row.add(Long.toString(it.latencyMs()));
                row.add(Integer.toString(it.promptTokens()));
                row.add(Integer.toString(it.completionTokens()));
                row.add(guard(it.finishReason()));
                row.add(guard(it.servedModel()));
                row.add(guard(it.fingerprint()));
                row.add(Boolean.toString(it.cached()));
                seq.write(row);
            }
        }
    }

    private static SequenceWriter writer(Writer w, List<String> columns) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        for (String c : columns) {
            schema.addColumn(c);
        }
        return MAPPER.writer(schema.build()).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(w);
    }

    private static String rate(double d) {
        return Double.isNaN(d) ? "" : Numbers.json6(d);
    }

    /** A text field, null as empty, with the formula-injection guard described in the class comment. */
    static String guard(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
