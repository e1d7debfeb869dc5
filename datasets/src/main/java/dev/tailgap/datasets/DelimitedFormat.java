package dev.tailgap.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delimited text with a header row, read with Jackson's CSV parser (RFC 4180 quoting: {@code "a, b"}, doubled
 * {@code ""} inside quotes, quoted fields may span lines).
 *
 * <p>Contract: strict UTF-8, a leading byte order mark dropped, LF, CRLF or CR line ends in any mix; blank lines
 * skipped (but counted); the delimiter is the one given, else this format's default ({@link TsvFormat}: tab), else
 * the most frequent of comma, tab, semicolon and pipe outside quotes on the header line. A row with another number of
 * fields than the header is a problem of that row. Cells are strings.
 */
abstract class DelimitedFormat implements TableFormat {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final char[] CANDIDATES = {',', '\t', ';', '|'};

    /** This format's delimiter when none is given, or {@code null} to sniff it. */
    abstract Character defaultDelimiter();

    @Override
    public void read(Path file, TableOptions options, RowSink sink) throws DatasetException, IOException {
        String location = file.toString();
        Character d = options.delimiter() != null ? options.delimiter() : defaultDelimiter();
        char delimiter = d != null ? d : sniffDelimiter(TableFormats.head(file));
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withoutEscapeChar();
        if (!options.quoting()) {
            schema = schema.withoutQuoteChar();
        }
        List<String> header = null;
        long rowStart = 1;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
             JsonParser p = CSV.reader().with(schema).createParser(reader)) {
            List<String> row = new ArrayList<>();
            p.nextToken(); // the array wrapping all rows
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                rowStart = p.currentTokenLocation().getLineNr() + 1;
                row.clear();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY && v != null; v = p.nextToken()) {
                    String text = p.getText();
                    row.add(text == null ? "" : text);
                }
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = header(row, rowStart, sink);
                    sink.header(header);
                    continue;
                }
                if (row.size() != header.size()) {
                    String field = row.size() < header.size() ? header.get(row.size()) : "row";
                    sink.problem(rowStart, field, "the row has " + row.size() + " " + name(delimiter)
                            + "-separated field" + (row.size() == 1 ? "" : "s") + ", the header " + header.size()
                            + (row.size() == 1 && header.size() > 1 ? " (is the delimiter right? see --delimiter)" : ""));
                    continue;
                }
                Map<String, Object> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.putIfAbsent(header.get(i), row.get(i));
                }
                sink.row(rowStart, cells);
            }
        } catch (NoSuchFileException e) {
            throw new DatasetException(location + ": no such file");
        } catch (CharacterCodingException e) {
            throw new DatasetException(new LoadProblem(location, firstBadLine(file), "encoding",
                    "not valid UTF-8; save the file as UTF-8"));
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (msg.contains("closing quote")) {
                throw new DatasetException(new LoadProblem(location, rowStart, "row",
                        "a quoted field that starts on this line is never closed (an unbalanced '\"')"));
            }
            throw new DatasetException(new LoadProblem(location, rowStart, "row", "cannot read the row: "
                    + ItemCodec.cleanJsonMessage(msg)));
        }
        if (header == null) {
            throw new DatasetException(new LoadProblem(location, 0, "file", "empty; expected a header row"));
        }
    }

    /** The number of the first line of {@code file} that is not valid UTF-8 (0 if none is). */
    private static long firstBadLine(Path file) throws IOException {
        try (LineReader lines = new LineReader(Files.newInputStream(file))) {
            while (true) {
                try {
                    if (lines.next() == null) {
                        return 0;
                    }
                } catch (CharacterCodingException e) {
                    return lines.line();
                }
            }
        }
    }

    private static List<String> header(List<String> row, long line, RowSink sink) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < row.size(); i++) {
            String name = row.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                name = "column" + (i + 1);
            }
            if (!seen.add(name)) {
                sink.problem(line, name, "column name repeated in the header (column " + (i + 1) + ")");
            }
            header.add(name);
        }
        return header;
    }

    /** The most frequent candidate delimiter outside quotes on the first line of {@code head}; comma when none. */
    static char sniffDelimiter(byte[] head) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (byte b : head) {
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                break;
            } else if (!quoted) {
                for (int i = 0; i < CANDIDATES.length; i++) {
                    if (b == CANDIDATES[i]) {
                        counts[i]++;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return CANDIDATES[best];
    }

    /** A delimiter's name in messages. */
    static String name(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
    }

    /** Whether the first line of {@code head} is text whose sniffed delimiter is {@code delimiter}. */
    static boolean firstLineUses(byte[] head, char delimiter) {
        int start = 0;
        while (start < head.length && (head[start] == ' ' || head[start] == '\n' || head[start] == '\r')) {
            start++;
        }
        if (start < head.length && (head[start] == '{' || head[start] == '[')) {
            return false;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return sniffDelimiter(head) == delimiter;
    }
}
