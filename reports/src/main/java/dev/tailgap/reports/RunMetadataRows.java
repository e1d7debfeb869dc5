package dev.tailgap.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's {@link RunMetadata} as label/value rows in plain text, one wording for the Markdown, HTML and terminal
 * renderers: when, how long, which tool, requests and retries, each replica's share, answers, tokens, latency, time
 * to first token, cost.
 */
public final class RunMetadataRows {
    /** One row: what it is and its value as text. */
    public record Row(String label, String value) {
    }

    private RunMetadataRows() {
    }

    /** The rows of {@code m} for a report made by {@code tool}. */
    public static List<Row> of(RunMetadata m, String tool) {
        RunTotals t = m.totals();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("started", toSecond(m.startedAt())));
        rows.add(new Row("ended", toSecond(m.endedAt())));
        String killed = m.killedAttempts() == 0 ? "" : "; " + m.killedAttempts() + " killed, not counted";
        rows.add(new Row("duration", (m.killedAttempts() > 0 ? "at least " : "") + seconds(m.durationSeconds())
                + (m.attempts() > 1 ? " asking, over " + m.attempts() + " attempts" + killed : "")));
        rows.add(new Row("tool", tool));
        rows.add(new Row("requests", (m.killedAttempts() > 0 ? "at least " : "") + Numbers.count(m.requests())
                + " (" + Numbers.count(m.retries()) + (m.retries() == 1 ? " retry)" : " retries)")));
        if (!m.replicas().isEmpty()) {
            rows.add(new Row("replicas", String.join("; ", m.replicas().stream().map(r -> r.endpoint() + " "
                    + Numbers.count(r.answered()) + " of " + Numbers.count(r.requests()) + " answered"
                    + (r.servedDigest() == null ? "" : ", served " + r.servedDigest())).toList())));
        }
        rows.add(new Row("answers", Numbers.count(t.live()) + " from the endpoint, " + Numbers.count(t.cacheHits())
                + " from the response cache"));
        rows.add(new Row("tokens", Numbers.count(t.promptTokens()) + " prompt + " + Numbers.count(t.completionTokens())
                + " completion" + (t.tokensPartial() ? " (at least: " + Numbers.count(t.tokensUnknown())
                + " answers without a count)" : "")));
        rows.add(new Row("latency", t.latencyP50() < 0 ? "\u2014" : "p50 " + ms(t.latencyP50()) + ", p95 "
                + ms(t.latencyP95()) + ", p99 " + ms(t.latencyP99())));
        if (t.streamed() > 0) {
            rows.add(new Row("first token", "p50 " + ms(t.firstTokenP50()) + " (" + Numbers.count(t.streamed())
                    + " streamed answers)"));
        }
        if (m.cost() != null) {
            Cost c = m.cost();
            rows.add(new Row("cost", (c.lowerBound() ? "at least " : "") + usd(c.usd()) + " at " + usd(c.prices().inputPerMillion())
                    + " / " + usd(c.prices().outputPerMillion()) + " per million prompt / completion tokens"));
        }
        return rows;
    }

    /**
     * The metadata of {@code r} for a terminal: a {@code run:} line, then one indented, aligned line per row; {@code ""}
     * when the report has none.
     */
    public static String text(Report r) {
        if (r.metadata() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("run:\n");
        for (Row row : of(r.metadata(), r.tool())) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-12s %s%n", row.label(), Phrases.plain(row.value())));
        }
        return sb.toString();
    }

    /** Milliseconds, to the millisecond below 10 s, else seconds with one decimal. */
    static String ms(double ms) {
        return ms < 10_000 ? Numbers.count(Math.round(ms)) + " ms" : seconds(ms / 1000);
    }

    static String seconds(double s) {
        return s < 60 ? Numbers.fixed(s, 1) + " s" : String.format(java.util.Locale.ROOT, "%d min %s s",
                (long) (s / 60), Numbers.fixed(s % 60, 0));
    }

    /** US dollars: cents from a dollar up, else four significant digits (at least to the cent). */
    static String usd(double d) {
        if (d >= 1) {
            return "$" + String.format(java.util.Locale.ROOT, "%,.2f", d);
        }
        BigDecimal b = new BigDecimal(d).round(new MathContext(4, RoundingMode.HALF_UP)).stripTrailingZeros();
        return "$" + (b.scale() < 2 ? b.setScale(2, RoundingMode.UNNECESSARY) : b).toPlainString();
    }

    /** An ISO-8601 instant shown to the second (the file keeps milliseconds, which order runs that end together). */
    private static String toSecond(String instant) {
        try {
            return java.time.Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }
}
