package dev.tailgap.harness.cache;

import dev.tailgap.adapters.Completion;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;

/**
 * The persistent response cache: successful completions by {@link CacheKey}, in an SQLite database ({@value #FILE})
 * in WAL mode with a busy timeout, so threads of one run and several tailgap processes can share it. It stores the key
 * (a hash), the provider and model names, the completion's text and token counts, and when it was stored: never a
 * prompt, an option, a URL or a key.
 *
 * <p>A cache that fails during a run (disk full, locked for longer than the busy timeout) never fails the run: a
 * failed read is a miss and a failed write is skipped; {@link #failures()} counts them. Thread-safe.
 */
public final class ResponseCache implements AutoCloseable {
    public static final String FILE = "cache.sqlite";
    /** The environment variable that overrides the default directory. */
    public static final String DIR_ENV = "TAILGAP_CACHE_DIR";
    private static final int SCHEMA = 1;
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final Path file;
    private final Connection db;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    private ResponseCache(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * The cache directory: {@code $TAILGAP_CACHE_DIR} if set, else {@code $XDG_CACHE_HOME/tailgap}, else
     * {@code ~/.cache/tailgap}.
     */
    public static Path defaultDir(Function<String, String> env) {
        String dir = env.apply(DIR_ENV);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = env.apply("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "tailgap");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "tailgap");
    }

    /** Opens (creating if needed) the cache in {@code dir}; a usage error naming the file when that fails. */
    public static ResponseCache open(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            try (Statement s = db.createStatement()) {
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version > SCHEMA) {
                    db.close();
                    throw TailgapException.usage("the response cache " + file + " was written by a newer tailgap "
                            + "(schema " + version + "); pass another --cache-dir or --no-cache");
                }
                s.executeUpdate("CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY NOT NULL, "
                        + "provider TEXT NOT NULL, model TEXT NOT NULL, text TEXT NOT NULL, "
                        + "prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, "
                        + "created INTEGER NOT NULL) WITHOUT ROWID");
                s.executeUpdate("PRAGMA user_version = " + SCHEMA);
            }
            return new ResponseCache(file, db);
        } catch (SQLException | IOException e) {
            throw TailgapException.usage("cannot open the response cache " + file + ": " + e.getMessage()
                    + " (pass another --cache-dir, or --no-cache)");
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The completion stored under {@code key}, if any. */
    public synchronized Optional<Completion> get(String key) {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT text, prompt_tokens, completion_tokens FROM responses WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Completion(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            failed(e);
            return Optional.empty();
        }
    }

    /** Stores a successful completion under {@code key}, replacing any earlier one. */
    public synchronized void put(String key, String provider, String model, Completion c) {
        try (PreparedStatement insert = db.prepareStatement("INSERT OR REPLACE INTO responses "
                + "(key, provider, model, text, prompt_tokens, completion_tokens, created) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, provider);
            insert.setString(3, model);
            insert.setString(4, c.text());
            insert.setInt(5, c.promptTokens());
            insert.setInt(6, c.completionTokens());
            insert.setLong(7, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            failed(e);
        }
    }

    /** Reads or writes that failed (each treated as a miss or skipped). */
    public long failures() {
        return failures.get();
    }

    /** The message of the last failure, or {@code null}. */
    public String lastFailure() {
        return lastFailure.get();
    }

    private void failed(SQLException e) {
        failures.incrementAndGet();
        lastFailure.set(e.getMessage());
    }

    /** What the cache holds: entries in all and per {@code provider:model}, the oldest and newest, bytes on disk. */
    public synchronized Stats stats() {
        try (Statement s = db.createStatement()) {
            long entries;
            long oldest;
            long newest;
            try (ResultSet rs = s.executeQuery("SELECT count(*), min(created), max(created) FROM responses")) {
                rs.next();
                entries = rs.getLong(1);
                oldest = rs.getLong(2);
                newest = rs.getLong(3);
            }
            List<ModelCount> models = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT provider, model, count(*) FROM responses "
                    + "GROUP BY provider, model ORDER BY count(*) DESC, provider, model")) {
                while (rs.next()) {
                    models.add(new ModelCount(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3)));
                }
            }
            return new Stats(file, entries, bytesOnDisk(), oldest, newest, models);
        } catch (SQLException e) {
            throw TailgapException.usage("cannot read the response cache " + file + ": " + e.getMessage());
        }
    }

    /** Deletes every entry and gives the space back; returns how many entries there were. */
    public synchronized long clear() {
        try (Statement s = db.createStatement()) {
            long n = s.executeUpdate("DELETE FROM responses");
            s.executeUpdate("VACUUM");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            return n;
        } catch (SQLException e) {
            throw TailgapException.usage("cannot clear the response cache " + file + ": " + e.getMessage());
        }
    }

    private long bytesOnDisk() {
        long n = 0;
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                n += Files.size(Path.of(file + suffix));
            } catch (IOException absent) {
                // not there
            }
        }
        return n;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            failed(e);
        }
    }

    /** A {@code provider:model} and how many entries it has. */
    public record ModelCount(String model, long entries) {
    }

    /** The cache's contents at a glance; times are epoch milliseconds (0 when empty). */
    public record Stats(Path file, long entries, long bytes, long oldest, long newest, List<ModelCount> models) {
    }
}
