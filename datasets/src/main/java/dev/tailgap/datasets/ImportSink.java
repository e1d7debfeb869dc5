package dev.tailgap.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The part every importer shares: collects row problems (the first {@value #MAX_PROBLEMS} kept, all counted), refuses
 * repeated ids naming the first line, counts rows read and filtered out, writes items through {@link DatasetWriter}
 * while no problem is known, and on {@link #finish} either fails listing the problems (writing nothing) or commits
 * the items with their manifest, the version derived from the items' sha256 unless one was given.
 */
final class ImportSink implements Closeable {

    /** How many problems an import keeps for its message; the rest are counted. */
    static final int MAX_PROBLEMS = LoadOptions.DEFAULT_MAX_PROBLEMS;

    private final DatasetWriter writer;
    private final List<LoadProblem> problems = new ArrayList<>();
    private final Map<String, String> firstSeen = new HashMap<>();
    private long problemCount;
    private long read;
    private long filtered;
    private long lastBadRowLine = -1;
    private String lastBadRowLocation;
    private long badRows;

    ImportSink(Path out) throws IOException {
        this.writer = DatasetWriter.create(out);
    }

    /** Counts one data row read. */
    void read() {
        read++;
    }

    /** Counts one row dropped by a filter. */
    void filtered() {
        filtered++;
    }

    /** Records a problem of one row (or of the file, at line 0). */
    void problem(String location, long line, String field, String message) {
        problem(new LoadProblem(location, line, field, message));
    }

    /** Records a problem. */
    void problem(LoadProblem problem) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
        if (problem.line() != lastBadRowLine || !problem.location().equals(lastBadRowLocation)) {
            badRows++;
            lastBadRowLine = problem.line();
            lastBadRowLocation = problem.location();
        }
    }

    /** Whether any problem was recorded. */
    boolean hasProblems() {
        return problemCount > 0;
    }

    /** Adds an item from {@code location:line}; a repeated id is a problem of this row in {@code idField}. */
    void add(Item item, String location, long line, String idField) throws IOException {
        String here = location + ":" + line;
        String first = firstSeen.putIfAbsent(item.id(), here);
        if (first != null) {
            problem(location, line, idField, "duplicate id " + ItemCodec.quote(item.id()) + ", first at " + first);
        } else if (problemCount == 0) {
            writer.write(item);
        }
    }

    /**
     * Fails with every problem (nothing written), or fails when no item was imported, or writes the manifest made by
     * {@code manifest} from the version and returns what was done.
     */
    ImportResult finish(String what, String givenVersion, Function<String, Manifest> manifest)
            throws DatasetException, IOException {
        if (problemCount > 0) {
            throw failure(what);
        }
        if (writer.count() == 0) {
            throw new DatasetException(what + ": no rows to import (" + read + " read, " + filtered
                    + " filtered out)");
        }
        String version = givenVersion != null ? givenVersion : "sha-" + writer.sha256().substring(0, 12);
        Manifest m = manifest.apply(version);
        String sha = writer.commit(m);
        return new ImportResult(read, writer.count(), filtered, m, sha);
    }

    /** The failure listing the problems found so far. */
    DatasetException failure(String what) {
        String rows = badRows == 1 ? "1 row" : badRows + " rows";
        return new DatasetException(what + ": " + problemCount + " problem" + (problemCount == 1 ? "" : "s")
                + " in " + rows + "; nothing was written", problems, problemCount - problems.size());
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
