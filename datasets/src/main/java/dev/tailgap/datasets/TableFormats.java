package dev.tailgap.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@link TableFormat}s on the class path, and which one a file is in.
 *
 * <p>Contract: a named format wins; else the file name's ending; else the first format (by name) whose
 * {@link TableFormat#sniff} accepts the file's first 64 KiB. Two formats under one name are refused naming both
 * classes.
 */
public final class TableFormats {

    private static final int HEAD = 1 << 16;

    private TableFormats() {
    }

    /** Every format, sorted by name. */
    public static List<TableFormat> all() {
        return Plugins.load(TableFormat.class, TableFormat::name);
    }

    /** The format {@code name}; the error lists those that exist. */
    public static TableFormat get(String name) throws DatasetException {
        for (TableFormat f : all()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new DatasetException("unknown --format '" + name + "'; available: " + names());
    }

    /** The format of {@code file}: {@code named} if given, else by ending, else by content. */
    public static TableFormat of(Path file, String named) throws DatasetException, IOException {
        if (named != null) {
            return get(named);
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<TableFormat> all = all();
        for (TableFormat f : all) {
            for (String ext : f.extensions()) {
                if (lower.endsWith(ext)) {
                    return f;
                }
            }
        }
        byte[] head = head(file);
        if (head.length == 0) {
            throw new DatasetException(new LoadProblem(file.toString(), 0, "file", "empty; expected a header row "
                    + "or data"));
        }
        for (TableFormat f : all) {
            if (f.sniff(head)) {
                return f;
            }
        }
        throw new DatasetException(file + ": cannot tell the format from the name or content; give --format ("
                + names() + ")");
    }

    /** The first 64 KiB of {@code file}. */
    static byte[] head(Path file) throws DatasetException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file");
        }
    }

    private static String names() {
        return all().stream().map(TableFormat::name).collect(Collectors.joining(", "));
    }
}
