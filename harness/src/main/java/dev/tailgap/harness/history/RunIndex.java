package dev.tailgap.harness.history;

import dev.tailgap.harness.SqliteFile;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.reports.Estimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The local runs index: one {@link RunEntry} per run directory, in an SQLite database ({@value #FILE}) in the runs
 * directory, in WAL mode with a busy timeout so that several tailgap processes finishing runs at once can share it.
 * The directories are the truth: the index only caches what {@link RunEntries#read} reads from them, so
 * {@link #refresh()} re-reads a directory whose files changed (or that it has not seen, e.g. one copied in), forgets
 * one that is gone, and {@link #reindex()} rebuilds it from scratch. Runs outside the runs directory stay indexed
 * while they exist ({@code tailgap runs add DIR}).
 *
 * <p>A write to the index never decides the fate of a run: {@link #register} turns any failure into a warning.
 */
public final class RunIndex implements AutoCloseable {
    public static final String FILE = "index.sqlite";
    /** How deep below the runs directory {@link #refresh()} looks for run directories. */
    static final int SCAN_DEPTH = 2;
    private static final int SCHEMA = 1;
    private static final String COLUMNS = "dir, dataset, dataset_sha256, model, served, started, ended, status, "
            + "planned, asked, n, overall, overall_lo, overall_hi, head, head_acc, head_lo, head_hi, tail, tail_acc, "
            + "tail_lo, tail_hi, gap, gap_lo, gap_hi, gate_passed, gate_rules, gate_failed, gate_baseline, gate_at, "
            + "stamp";

    private final Path runsDir;
    private final Path file;
    private final Connection db;

    private RunIndex(Path runsDir, Path file, Connection db) {
        this.runsDir = runsDir;
        this.file = file;
        this.db = db;
    }

    /** Opens (creating if needed) the index of {@code runsDir}; a usage error naming the file when that fails. */
    public static RunIndex open(Path runsDir) {
        Path dir = runsDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE);
        try {
            Connection db = SqliteFile.open(file, SCHEMA, "the runs index", "delete it and run tailgap runs reindex");
            try (Statement s = db.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS runs (dir TEXT PRIMARY KEY, dataset TEXT, "
                        + "dataset_sha256 TEXT, model TEXT, served TEXT, started INTEGER, ended INTEGER, "
                        + "status TEXT NOT NULL, planned INTEGER NOT NULL, asked INTEGER NOT NULL, n INTEGER NOT NULL, "
                        + "overall REAL, overall_lo REAL, overall_hi REAL, head TEXT, head_acc REAL, head_lo REAL, "
                        + "head_hi REAL, tail TEXT, tail_acc REAL, tail_lo REAL, tail_hi REAL, gap REAL, gap_lo REAL, "
                        + "gap_hi REAL, gate_passed INTEGER, gate_rules INTEGER, gate_failed INTEGER, "
                        + "gate_baseline TEXT, gate_at INTEGER, stamp TEXT NOT NULL)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS tags (dir TEXT NOT NULL, key TEXT NOT NULL, "
                        + "value TEXT NOT NULL, PRIMARY KEY (dir, key)) WITHOUT ROWID");
                s.executeUpdate("PRAGMA user_version = " + SCHEMA);
            }
            return new RunIndex(dir, file, db);
        } catch (SQLException | IOException e) {
            throw TailgapException.usage("cannot open the runs index " + file + ": " + e.getMessage());
        }
    }

    /**
     * Adds or updates {@code dir}'s entry in the index of {@code runsDir}. Never throws: returns the warning to show
     * when the index could not be written (the run itself is untouched), or empty.
     */
    public static Optional<String> register(Path runsDir, Path dir) {
        return register(runsDir, dir, null);
    }

    /** Like {@link #register(Path, Path)}, with the report the run just wrote ({@code null}: read the item log). */
    static Optional<String> register(Path runsDir, Path dir, dev.tailgap.reports.Report written) {
        String why;
        try (RunIndex index = open(runsDir)) {
            index.put(RunEntries.read(dir, written));
            return Optional.empty();
        } catch (RuntimeException e) {
            why = e.getMessage();
        } catch (NoClassDefFoundError e) {
            // sqlite-jdbc is an optional dependency of the harness: a Java API user may leave it out
            why = "the SQLite driver org.xerial:sqlite-jdbc is not on the class path";
        }
        return Optional.of("the run was not added to the runs index " + runsDir.resolve(FILE) + " (" + why
                + "); the run itself is kept as it is, and tailgap runs add " + dir + " adds it");
    }

    public Path file() {
        return file;
    }

    /** Adds or replaces an entry. */
    public synchronized void put(RunEntry e) {
        String dir = e.dir().toString();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO runs (" + COLUMNS + ") VALUES ("
                    + "?, ".repeat(30) + "?)");
                 PreparedStatement clear = db.prepareStatement("DELETE FROM tags WHERE dir = ?");
                 PreparedStatement tag = db.prepareStatement("INSERT INTO tags (dir, key, value) VALUES (?, ?, ?)")) {
                int k = 1;
                p.setString(k++, dir);
                p.setString(k++, e.dataset());
                p.setString(k++, e.datasetSha256());
                p.setString(k++, e.model());
                p.setString(k++, e.served());
                k = time(p, k, e.started());
                k = time(p, k, e.ended());
                p.setString(k++, e.status().name());
                p.setLong(k++, e.planned());
                p.setInt(k++, e.asked());
                p.setInt(k++, e.n());
                k = estimate(p, k, e.overall());
                p.setString(k++, e.head());
                k = estimate(p, k, e.headAccuracy());
                p.setString(k++, e.tail());
                k = estimate(p, k, e.tailAccuracy());
                k = estimate(p, k, e.gap());
                GateOutcome g = e.gate();
                if (g == null) {
                    for (int i = 0; i < 5; i++) {
                        p.setNull(k++, Types.NULL);
                    }
                } else {
                    p.setInt(k++, g.passed() ? 1 : 0);
                    p.setInt(k++, g.rules());
                    p.setInt(k++, g.failed());
                    p.setString(k++, g.baseline());
                    k = time(p, k, g.at());
                }
                p.setString(k, e.stamp());
                p.executeUpdate();
                clear.setString(1, dir);
                clear.executeUpdate();
                for (Map.Entry<String, String> t : e.tags().entrySet()) {
                    tag.setString(1, dir);
                    tag.setString(2, t.getKey());
                    tag.setString(3, t.getValue());
                    tag.executeUpdate();
                }
                db.commit();
            } catch (SQLException ex) {
                db.rollback();
                throw ex;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException ex) {
            throw failed("write", ex);
        }
    }

    /** Forgets a directory's entry. */
    public synchronized void remove(Path dir) {
        try (PreparedStatement runs = db.prepareStatement("DELETE FROM runs WHERE dir = ?");
             PreparedStatement tags = db.prepareStatement("DELETE FROM tags WHERE dir = ?")) {
            runs.setString(1, dir.toString());
            runs.executeUpdate();
            tags.setString(1, dir.toString());
            tags.executeUpdate();
        } catch (SQLException e) {
            throw failed("write", e);
        }
    }

    /** Every entry, newest first (by {@link RunEntry#when()}, then directory). */
    public synchronized List<RunEntry> all() {
        Map<String, Map<String, String>> tags = new HashMap<>();
        List<RunEntry> out = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT dir, key, value FROM tags")) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getString(1), d -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM runs")) {
                while (rs.next()) {
                    out.add(entry(rs, tags.getOrDefault(rs.getString(1), Map.of())));
                }
            }
        } catch (SQLException e) {
            throw failed("read", e);
        }
        out.sort(Comparator.comparing(RunEntry::when).reversed().thenComparing(r -> r.dir().toString()));
        return out;
    }

    /** The entry of a directory, if indexed. */
    public Optional<RunEntry> get(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return all().stream().filter(e -> e.dir().equals(abs)).findFirst();
    }

    /**
     * Brings the index up to date with the directories: reads every run directory under the runs directory (up to
     * {@value #SCAN_DEPTH} levels down) that is new or changed, re-reads changed runs indexed from elsewhere, and
     * forgets runs whose directory is gone. Returns one warning per directory that could not be read (it is skipped).
     */
    public List<String> refresh() {
        Map<Path, RunEntry> known = new HashMap<>();
        for (RunEntry e : all()) {
            known.put(e.dir(), e);
        }
        List<Path> dirs = new ArrayList<>(scan());
        for (Path d : known.keySet()) {
            if (!dirs.contains(d)) {
                dirs.add(d);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (Path d : dirs) {
            RunEntry old = known.get(d);
            if (!Files.isRegularFile(d.resolve(dev.tailgap.harness.engine.RunDirectory.SPEC))) {
                remove(d);
                continue;
            }
            if (old != null && old.stamp().equals(RunEntries.stamp(d))) {
                continue;
            }
            try {
                put(RunEntries.read(d));
            } catch (RuntimeException e) {
                warnings.add("skipped " + d + ": " + e.getMessage());
            }
        }
        return warnings;
    }

    /** Rebuilds the index from the directories: forgets every entry, then reads them again (see {@link #refresh()}). */
    public List<String> reindex() {
        List<Path> elsewhere = all().stream().map(RunEntry::dir).filter(d -> !d.startsWith(runsDir)).toList();
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM runs");
            s.executeUpdate("DELETE FROM tags");
        } catch (SQLException e) {
            throw failed("write", e);
        }
        List<String> warnings = new ArrayList<>();
        for (Path d : elsewhere) {
            if (Files.isRegularFile(d.resolve(dev.tailgap.harness.engine.RunDirectory.SPEC))) {
                try {
                    put(RunEntries.read(d));
                } catch (RuntimeException e) {
                    warnings.add("skipped " + d + ": " + e.getMessage());
                }
            }
        }
        warnings.addAll(refresh());
        return warnings;
    }

    /** The run directories under the runs directory: directories holding a spec.json, sorted. */
    private List<Path> scan() {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(runsDir, SCAN_DEPTH)) {
            return walk.filter(p -> !p.equals(runsDir) && Files.isDirectory(p)
                            && Files.isRegularFile(p.resolve(dev.tailgap.harness.engine.RunDirectory.SPEC)))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw TailgapException.usage("cannot list the runs directory " + runsDir + ": " + e.getMessage());
        }
    }

    private static RunEntry entry(ResultSet rs, Map<String, String> tags) throws SQLException {
        GateOutcome gate = null;
        int passed = rs.getInt("gate_passed");
        if (!rs.wasNull()) {
            gate = new GateOutcome(passed == 1, rs.getInt("gate_rules"), rs.getInt("gate_failed"),
                    rs.getString("gate_baseline"), instant(rs, "gate_at"));
        }
        return new RunEntry(Path.of(rs.getString("dir")), rs.getString("dataset"), rs.getString("dataset_sha256"),
                rs.getString("model"), rs.getString("served"), instant(rs, "started"), instant(rs, "ended"),
                RunEntry.Status.valueOf(rs.getString("status")), rs.getLong("planned"), rs.getInt("asked"),
                rs.getInt("n"), estimate(rs, "overall", "overall_lo", "overall_hi"), rs.getString("head"),
                estimate(rs, "head_acc", "head_lo", "head_hi"), rs.getString("tail"),
                estimate(rs, "tail_acc", "tail_lo", "tail_hi"), estimate(rs, "gap", "gap_lo", "gap_hi"), tags, gate,
                rs.getString("stamp"));
    }

    private static int time(PreparedStatement p, int k, Instant t) throws SQLException {
        if (t == null) {
            p.setNull(k, Types.INTEGER);
        } else {
            p.setLong(k, t.toEpochMilli());
        }
        return k + 1;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static int estimate(PreparedStatement p, int k, Estimate e) throws SQLException {
        for (double d : new double[] {e.value(), e.lower(), e.upper()}) {
            if (Double.isNaN(d)) {
                p.setNull(k++, Types.REAL);
            } else {
                p.setDouble(k++, d);
            }
        }
        return k;
    }

    private static Estimate estimate(ResultSet rs, String value, String lower, String upper) throws SQLException {
        return new Estimate(real(rs, value), real(rs, lower), real(rs, upper));
    }

    private static double real(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private TailgapException failed(String what, SQLException e) {
        return TailgapException.usage("cannot " + what + " the runs index " + file + ": " + e.getMessage()
                + " (tailgap runs reindex rebuilds it from the run directories)");
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // nothing was left unwritten: every change was committed
        }
    }
}
