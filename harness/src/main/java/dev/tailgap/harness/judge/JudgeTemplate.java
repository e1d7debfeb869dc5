package dev.tailgap.harness.judge;

import dev.tailgap.datasets.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge's prompt: a text with the placeholders {@code {question}}, {@code {golds}} (the gold answers joined with
 * {@code " | "}) and {@code {prediction}} (the extracted answer), each required exactly once or more. The built-in
 * template ({@value #RESOURCE}) follows Head-to-Tail's protocol: question, the list of gold answers and the
 * prediction, answered with correct / incorrect / unsure, after four worked examples. Replace it with
 * {@code --scorer-option template=FILE}. Identified in run specs by the start of its SHA-256.
 */
public record JudgeTemplate(String text, String sha) {
    static final String RESOURCE = "judge-prompt.txt";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(question|golds|prediction)}");
    private static final List<String> PLACEHOLDERS = List.of("{question}", "{golds}", "{prediction}");

    /** The built-in template. */
    public static JudgeTemplate defaults() {
        try (InputStream in = JudgeTemplate.class.getResourceAsStream(RESOURCE)) {
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template from a file; {@link IllegalArgumentException} naming the file when it is unreadable or incomplete. */
    public static JudgeTemplate read(Path file) {
        try {
            return of(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("judge template " + file + ": cannot read: " + e.getMessage());
        }
    }

    static JudgeTemplate of(String text, String where) {
        for (String p : PLACEHOLDERS) {
            if (!text.contains(p)) {
                throw new IllegalArgumentException("judge template " + where + ": placeholder " + p + " is missing "
                        + "(it needs " + String.join(", ", PLACEHOLDERS) + ")");
            }
        }
        return new JudgeTemplate(text, Sha256.hex(text).substring(0, 8));
    }

    /** The prompt for one item; line breaks inside the values become spaces so they cannot fake a line. */
    public String render(String question, List<String> golds, String prediction) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "question" -> question;
                case "golds" -> String.join(" | ", golds);
                default -> prediction;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(oneLine(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").strip();
    }
}
