package dev.tailgap.harness.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's verdict out of its reply, in the shapes real chat models give:
 * <ol>
 *   <li>JSON (also inside a code fence or after prose): a field {@code verdict}, {@code grade}, {@code label},
 *       {@code judgement}, {@code result}, {@code decision} or {@code answer} holding a verdict word, or a boolean
 *       {@code correct}; the reason from {@code reason}, {@code rationale}, {@code explanation} or
 *       {@code justification};</li>
 *   <li>a label followed by a verdict word, the last one wins ("Verdict: incorrect", "**Final
 *       verdict:** correct", "Grade: unsure", "Therefore the verdict is incorrect."), so a reason may come first;</li>
 *   <li>the reply's first word ("Correct - names Paris.", "incorrect.");</li>
 *   <li>else exactly one kind of verdict word anywhere in the reply ("The prediction is wrong.").</li>
 * </ol>
 * Verdict words: correct, right, accurate, yes, true → {@code correct}; incorrect, wrong, inaccurate, "not correct",
 * no, false → {@code incorrect}; unsure, uncertain, unknown, "not attempted", "no answer" → {@code unsure}. Anything
 * else is unreadable ({@link #parse} gives {@code null}), which the judge scorer makes an ERROR.
 */
public final class JudgeReply {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VERDICT_FIELDS = List.of("verdict", "grade", "label", "judgement", "judgment",
            "result", "decision", "answer", "evaluation");
    private static final List<String> REASON_FIELDS = List.of("reason", "rationale", "explanation", "justification",
            "reasoning");
    private static final Pattern LABEL = Pattern.compile(
            "(?im)\\b(?:final\\s+)?(?:verdict|grade|judgement|judgment|decision"
                    + "|evaluation|label)(?:\\s+is)?[\\s*_]*[:：-]?[\\s*_\"'`]*([A-Za-z][A-Za-z ]*?)"
                    + "(?=[\\s*_\"'`.,;:!)-]|$)(.*)$");
    private static final Pattern WORD = Pattern.compile("(?i)\\b(not correct|not right|not attempted|no answer|"
            + "incorrect|inaccurate|wrong|correct|right|accurate|unsure|uncertain)\\b");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("correct", "correct"), Map.entry("right", "correct"), Map.entry("accurate", "correct"),
            Map.entry("yes", "correct"), Map.entry("true", "correct"),
            Map.entry("incorrect", "incorrect"), Map.entry("wrong", "incorrect"), Map.entry("inaccurate", "incorrect"),
            Map.entry("not correct", "incorrect"), Map.entry("not right", "incorrect"), Map.entry("no", "incorrect"), Map.entry("false", "incorrect"),
            Map.entry("unsure", "unsure"), Map.entry("uncertain", "unsure"), Map.entry("unknown", "unsure"),
            Map.entry("not attempted", "unsure"), Map.entry("no answer", "unsure"));

    /** A verdict ({@code correct}, {@code incorrect} or {@code unsure}) and the judge's reason ("" if none). */
    public record Parsed(String verdict, String reason) {
    }

    private JudgeReply() {
    }

    /** The verdict in {@code reply}, or {@code null} if it cannot be read. */
    public static Parsed parse(String reply) {
        if (reply == null || reply.isBlank()) {
            return null;
        }
        Parsed p = fromJson(reply);
        if (p != null) {
            return p;
        }
        Matcher m = LABEL.matcher(reply);
        Parsed last = null;
        while (m.find()) {
            String v = WORDS.get(m.group(1).strip().toLowerCase(Locale.ROOT));
            if (v != null) {
                last = new Parsed(v, cleanReason(m.group(2)));
            }
        }
        if (last != null) {
            return last.reason().isEmpty() ? new Parsed(last.verdict(), firstOtherLine(reply)) : last;
        }
        String t = reply.strip().replaceFirst("^[\\s*_#>\"'`]+", "");
        Matcher first = Pattern.compile("(?i)^(not correct|not attempted|[a-z]+)").matcher(t);
        if (first.find()) {
            String v = WORDS.get(first.group(1).toLowerCase(Locale.ROOT));
            if (v != null) {
                return new Parsed(v, cleanReason(t.substring(first.end())));
            }
        }
        String found = null;
        Matcher w = WORD.matcher(reply);
        while (w.find()) {
            String v = WORDS.get(w.group(1).toLowerCase(Locale.ROOT));
            if (found != null && !found.equals(v)) {
                return null;
            }
            found = v;
        }
        return found == null ? null : new Parsed(found, cleanReason(reply));
    }

    private static Parsed fromJson(String reply) {
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(reply.substring(start, end + 1));
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        String verdict = null;
        String reason = "";
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().toLowerCase(Locale.ROOT);
            JsonNode v = e.getValue();
            if (verdict == null && VERDICT_FIELDS.contains(key) && v.isTextual()) {
                verdict = WORDS.get(v.asText().strip().toLowerCase(Locale.ROOT));
            } else if (verdict == null && (key.equals("correct") || key.equals("is_correct")) && v.isBoolean()) {
                verdict = v.asBoolean() ? "correct" : "incorrect";
            } else if (REASON_FIELDS.contains(key) && v.isTextual()) {
                reason = cleanReason(v.asText());
            }
        }
        return verdict == null ? null : new Parsed(verdict, reason);
    }

    private static String firstOtherLine(String reply) {
        for (String line : reply.split("\\R")) {
            String l = cleanReason(line);
            if (!l.isEmpty() && !LABEL.matcher(line).find()) {
                return l;
            }
        }
        return "";
    }

    private static String cleanReason(String s) {
        String r = s.replaceAll("\\s+", " ").replaceFirst("^[\\s*_\"'`.,;:!)—–-]+", "").strip();
        r = r.replaceFirst("^(?i)(reason|because)\\s*[:：]\\s*", "");
        return r.length() > 200 ? r.substring(0, 199) + "…" : r;
    }
}
