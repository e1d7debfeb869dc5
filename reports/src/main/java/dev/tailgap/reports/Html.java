package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import org.owasp.encoder.Encode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The pieces shared by the HTML renderers: escaping of untrusted text (OWASP Java Encoder), the inline stylesheet and
 * scripts, the Content-Security-Policy that only lets the report's own script run, and JSON data islands that no
 * data can break out of.
 */
final class Html {
    static final String CSS = resource("report.css");

    private Html() {
    }

    /**
     * Text for HTML content or a quoted attribute value: {@code & < > " '} become character references, and control
     * characters other than tab and newline (invalid in HTML) become U+FFFD.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder clean = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (bad && clean == null) {
                clean = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (clean != null) {
                clean.append(bad ? '\ufffd' : c);
            }
        }
        return Encode.forHtml(clean == null ? s : clean.toString());
    }

    /** The page head up to and including {@code <body>}: charset, viewport, CSP for {@code scripts}, title, CSS. */
    static void head(StringBuilder sb, String title, String generator, String... scripts) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; ")
                .append("style-src 'unsafe-inline'; script-src");
        for (String script : scripts) {
            sb.append(" 'sha256-").append(sha256(script)).append('\'');
        }
        if (scripts.length == 0) {
            sb.append(" 'none'");
        }
        sb.append("; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"generator\" content=\"").append(text(generator)).append("\">\n")
                .append("<title>").append(text(title)).append("</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    }

    /** An inline script element holding exactly {@code js} (whose hash the CSP allows). */
    static void script(StringBuilder sb, String js) {
        sb.append("<script>").append(js).append("</script>\n");
    }

    static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream("html/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/tailgap/reports/html/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JSON generator for a {@code <script type="application/json">} data island: {@code < > &} and the line
     * separators U+2028/U+2029 are written as {@code \\uXXXX} escapes, so no string can close the element or open a
     * comment. The caller closes the generator (which does not close {@code out}).
     */
    static JsonGenerator islandGenerator(Writer out) throws IOException {
        JsonGenerator g = JsonTrees.FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setCharacterEscapes(IslandEscapes.INSTANCE);
        return g;
    }

    private static final class IslandEscapes extends CharacterEscapes {
        static final IslandEscapes INSTANCE = new IslandEscapes();
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        private IslandEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(ch == 0x2028 ? "\\u2028" : "\\u2029");
            }
            return null;
        }
    }
}
