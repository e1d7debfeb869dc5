package dev.tailgap.harness.gate;

import dev.tailgap.harness.Suggestions;
import dev.tailgap.reports.GateResult;
import dev.tailgap.reports.GateResult.Bound;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One gate rule, {@code SUBJECT.METRIC[.CHANGE][.BOUND] OP THRESHOLD}, e.g. {@code tail.accuracy >= 0.30},
 * {@code tail.accuracy.lower >= 0.25}, {@code gap.accuracy <= 0.25}, {@code tail.accuracy.drop <= 0.02},
 * {@code tail.accuracy.noninferior <= 0.02}.
 *
 * <ul>
 *   <li>A bucket subject is a bucket name, {@code head} or {@code tail} (the buckets the report's gap compares: the
 *   first and last bucket with at least the minimum number of scored items, see
 *   {@link dev.tailgap.reports.HeadTail}), or {@code overall} (all items). Its metrics are {@code accuracy},
 *   {@code hallucination}, {@code abstention}, {@code precision} and {@code n} (scored items), and for a run that
 *   asked each item K times ({@code --samples}) {@code instability}, {@code accuracy_at_k} and
 *   {@code majority_accuracy} ({@link dev.tailgap.reports.Consistency}); against a baseline,
 *   {@code accuracy.drop} (baseline minus run) and {@code hallucination.rise} (run minus baseline) over the items
 *   scored in both, which fail only when the data show the change exceeds the tolerance, and
 *   {@code accuracy.noninferior} / {@code hallucination.noninferior}, which pass only when the data show the drop
 *   (rise) is below it.</li>
 *   <li>{@code gap.accuracy}, {@code gap.hallucination}; {@code errors.rate}, {@code errors.count} (ERROR items and
 *   planned items never asked, over the planned items); {@code truncated.rate}, {@code truncated.count} (answers cut
 *   off by the token limit, over the answered items);
 *   {@code buckets.minSize} (scored items in the smallest bucket); {@code slope.perDecade}, {@code slope.r2}.</li>
 *   <li>{@code .lower}/{@code .upper} hold the threshold to a bound of the 95% interval instead of the estimate.</li>
 *   <li>{@code OP} is one of {@code >= <= > <}; a change rule takes {@code <=} or {@code <}. {@code THRESHOLD} is a
 *   number, or a percentage such as {@code 30%}. Thresholds of rates and R² must lie in [0, 1], of differences
 *   (gap, change, slope per decade) in [−1, 1], of counts at or above 0.</li>
 * </ul>
 * {@code origin} says where the rule came from ({@code gate.yaml:4}, {@code --rule}) for error messages.
 */
public record Rule(String text, Kind kind, String subject, String metric, Change change, Bound bound,
                   String comparator, double threshold, String origin) {

    /** What a rule is about. */
    public enum Kind { BUCKET, GAP, ERRORS, TRUNCATED, BUCKETS, SLOPE }

    /** A comparison with a baseline run, over paired items. */
    public enum Change {
        /** Baseline accuracy minus the run's. */
        DROP,
        /** The run's hallucination rate minus the baseline's. */
        RISE,
        /** The drop (for accuracy) or rise (for hallucination), to be shown below the tolerance. */
        NONINFERIOR
    }

    private static final Pattern EXPRESSION = Pattern.compile("^\\s*(\\S.*?)\\s*(>=|<=|>|<)\\s*(.*?)\\s*$");
    /** The first run of comparison characters, to check it is one of the four operators. */
    private static final Pattern OPERATOR = Pattern.compile("[<>=!\u2264\u2265]+");
    private static final List<String> BUCKET_METRICS = List.of("accuracy", "hallucination", "abstention",
            "precision", "n", "instability", "accuracy_at_k", "majority_accuracy");
    private static final String GRAMMAR = " (a rule reads SUBJECT.METRIC OP NUMBER, e.g. tail.accuracy >= 0.30)";

    public Rule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(comparator, "comparator");
    }

    /**
     * Parses a rule.
     *
     * @param origin where it came from, for messages
     * @throws IllegalArgumentException with a one-line message naming what is wrong
     */
    public static Rule parse(String expression, String origin) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("empty rule" + GRAMMAR);
        }
        checkOperator(expression);
        Matcher m = EXPRESSION.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + expression.strip() + "': no comparison (>=, <=, > or <)"
                    + GRAMMAR);
        }
        String target = m.group(1);
        String op = m.group(2);
        double threshold = number(m.group(3), expression);
        String text = target + " " + op + " " + m.group(3);

        List<String> parts = Arrays.asList(target.split("\\.", -1));
        int end = parts.size();
        Bound bound = Bound.VALUE;
        if (end > 1 && (parts.get(end - 1).equals("lower") || parts.get(end - 1).equals("upper"))) {
            bound = parts.get(end - 1).equals("lower") ? Bound.LOWER : Bound.UPPER;
            end--;
        }
        Change change = null;
        if (end > 1 && (parts.get(end - 1).equals("drop") || parts.get(end - 1).equals("rise")
                || parts.get(end - 1).equals("noninferior"))) {
            String word = parts.get(end - 1);
            change = word.equals("drop") ? Change.DROP : word.equals("rise") ? Change.RISE : Change.NONINFERIOR;
            end--;
        }
        if (end < 2) {
            throw new IllegalArgumentException("'" + target + "': expected SUBJECT.METRIC" + GRAMMAR);
        }
        String metric = parts.get(end - 1);
        String subject = String.join(".", parts.subList(0, end - 1));
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("'" + target + "': missing subject before '." + metric + "'"
                    + GRAMMAR);
        }
        Kind kind = kindOf(subject);
        List<String> metrics = metricsOf(kind);
        if (!metrics.contains(metric)) {
            throw new IllegalArgumentException("'" + target + "': unknown metric '" + metric + "' for "
                    + (kind == Kind.BUCKET ? "a bucket" : subject) + " (known: " + String.join(", ", metrics) + ")"
                    + Suggestions.hint(metric, metrics));
        }
        boolean integral = metric.equals("n") || metric.equals("count") || metric.equals("minSize")
                || metric.equals("r2");
        if (bound != Bound.VALUE && integral) {
            throw new IllegalArgumentException("'" + target + "': " + subject + "." + metric
                    + " has no interval, so no ." + bound.name().toLowerCase(Locale.ROOT));
        }
        if (change != null) {
            boolean ok = kind == Kind.BUCKET && (change == Change.DROP ? metric.equals("accuracy")
                    : change == Change.RISE ? metric.equals("hallucination")
                    : metric.equals("accuracy") || metric.equals("hallucination"));
            if (!ok) {
                throw new IllegalArgumentException("'" + target + "': a baseline comparison is "
                        + "BUCKET.accuracy.drop, BUCKET.hallucination.rise or BUCKET.accuracy|hallucination.noninferior");
            }
            if (op.startsWith(">")) {
                throw new IllegalArgumentException("'" + expression.strip() + "': a " + (change == Change.DROP
                        ? "drop" : change == Change.RISE ? "rise" : "non-inferiority margin")
                        + " is limited from above: use <= or <");
            }
            if (change == Change.NONINFERIOR && bound != Bound.VALUE) {
                throw new IllegalArgumentException("'" + target + "': a non-inferiority rule is decided by its test;"
                        + " it takes no ." + bound.name().toLowerCase(Locale.ROOT));
            }
        }
        checkRange(expression, m.group(3), threshold, kind, metric, change, integral);
        return new Rule(text, kind, subject, metric, change, bound, op, threshold, origin);
    }

    /**
     * Rejects a comparison that is not one of {@code >= <= > <} ({@code =>}, {@code ==}, {@code ≥}), naming the
     * operator meant.
     */
    private static void checkOperator(String expression) {
        Matcher op = OPERATOR.matcher(expression);
        if (!op.find()) {
            return;
        }
        String written = op.group();
        if (List.of(">=", "<=", ">", "<").contains(written)) {
            return;
        }
        boolean gt = written.contains(">") || written.contains("\u2265");
        boolean lt = written.contains("<") || written.contains("\u2264");
        boolean eq = written.contains("=") || written.contains("\u2265") || written.contains("\u2264");
        String meant = gt && lt ? null : gt ? (eq ? ">=" : ">") : lt ? (eq ? "<=" : "<") : "'>=' or '<='";
        throw new IllegalArgumentException("unknown operator '" + written + "' in rule '" + expression.strip() + "'"
                + (meant == null ? "" : "; did you mean " + (meant.startsWith("'") ? meant : "'" + meant + "'") + "?")
                + " (comparisons are >=, <=, > and <)");
    }

    /** Rejects thresholds that cannot be meant for the metric, e.g. a rate of 30 (meant as 30%). */
    private static void checkRange(String expression, String written, double threshold, Kind kind, String metric,
                                   Change change, boolean integral) {
        double lo;
        double hi;
        String what;
        if (integral && !metric.equals("r2")) {
            lo = 0;
            hi = Double.POSITIVE_INFINITY;
            what = "a count";
        } else if (change != null || kind == Kind.GAP || metric.equals("perDecade")) {
            lo = -1;
            hi = 1;
            what = "a difference of rates";
        } else {
            lo = 0;
            hi = 1;
            what = metric.equals("r2") ? "R^2" : "a rate";
        }
        if (!(threshold >= lo && threshold <= hi)) {
            String range = hi == Double.POSITIVE_INFINITY ? "at least 0" : "in [" + GateResult.threshold(lo) + ", "
                    + GateResult.threshold(hi) + "]";
            String hint = what.startsWith("a count") || written.strip().endsWith("%") ? ""
                    : "; write rates as fractions (0.30) or percentages (30%)";
            throw new IllegalArgumentException("'" + expression.strip() + "': threshold " + written.strip()
                    + " must be " + range + " for " + what + hint);
        }
    }

    private static Kind kindOf(String subject) {
        switch (subject) {
            case "gap":
                return Kind.GAP;
            case "errors":
                return Kind.ERRORS;
            case "truncated":
                return Kind.TRUNCATED;
            case "buckets":
                return Kind.BUCKETS;
            case "slope":
                return Kind.SLOPE;
            default:
                return Kind.BUCKET;
        }
    }

    private static List<String> metricsOf(Kind kind) {
        switch (kind) {
            case GAP:
                return List.of("accuracy", "hallucination");
            case ERRORS:
            case TRUNCATED:
                return List.of("rate", "count");
            case BUCKETS:
                return List.of("minSize");
            case SLOPE:
                return List.of("perDecade", "r2");
            default:
                return BUCKET_METRICS;
        }
    }

    private static double number(String s, String expression) {
        String t = s.strip();
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1).strip();
        }
        try {
            BigDecimal v = new BigDecimal(t);
            double d = (percent ? v.movePointLeft(2) : v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("'" + expression.strip() + "': '" + s + "' is too large a number"
                        + GRAMMAR);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + expression.strip() + "': '" + s + "' is not a number"
                    + GRAMMAR);
        }
    }

    /** True when the rule compares the run with a baseline. */
    public boolean needsBaseline() {
        return change != null;
    }

    /** Whether {@code value OP threshold} holds (false for NaN). */
    boolean holds(double value) {
        switch (comparator) {
            case ">=":
                return value >= threshold;
            case "<=":
                return value <= threshold;
            case ">":
                return value > threshold;
            default:
                return value < threshold;
        }
    }

    /** The rule with where it came from, for messages: {@code 'tail.accuracy >= 0.3' (gate.yaml:4)}. */
    String quoted() {
        return "'" + text + "'" + (origin == null ? "" : " (" + origin + ")");
    }
}
