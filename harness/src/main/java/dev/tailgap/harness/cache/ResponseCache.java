package dev.tailgap.harness.cache;

import dev.tailgap.adapters.Completion;
import dev.tailgap.harness.SqliteFile;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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

/**
 * The persistent response cache: successful completions by {@link CacheKey} and the served identity they were
 * recorded under (the digest of {@code ServedIdentity}), in an SQLite database ({@value #FILE}) in WAL mode with a busy
 * timeout, so threads of one run and several tailgap processes can share it. It stores the key (a hash), the identity
 * digest, the provider and model names, the completion's text, reasoning, finish reason, served model, fingerprint and
 * token counts, and when it was stored: never a prompt, an option, a URL or a key. Entries of schema 1 (tailgap 0.1)
 * carry no identity and are dropped on opening.
 *
 * <p>A cache that fails during a run (disk full, locked for longer than the busy timeout) never fails the run: a
 * failed read is a miss and a failed write is skipped; {@link #failures()} counts them. Thread-safe.
 */
public final class ResponseCache implements AutoCloseable {
    public static final String FILE = "cache.sqlite";
    /** The environment variable that overrides the default directory. */
    public static final String DIR_ENV = "TAILGAP_CACHE_DIR";
    private static final int SCHEMA = 2;

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
            Connection db = SqliteFile.open(file, SCHEMA, "the response cache", "pass another --cache-dir or --no-cache");
            try (Statement s = db.createStatement()) {
                s.executeUpdate("DROP TABLE IF EXISTS responses"); // schema 1: answers without an identity
                s.executeUpdate("CREATE TABLE IF NOT EXISTS answers (key TEXT NOT NULL, identity TEXT NOT NULL, "
                        + "provider TEXT NOT NULL, model TEXT NOT NULL, text TEXT NOT NULL, reasoning TEXT, "
                        + "finish_reason TEXT, served_model TEXT, fingerprint TEXT, "
                        + "prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, "
                        + "created INTEGER NOT NULL, PRIMARY KEY (key, identity)) WITHOUT ROWID");
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

    /**
     * The completion stored under {@code key} and recorded under served identity {@code identity}, if any;
     * {@code identity} {@code null} takes the newest entry under any identity (the user's explicit choice).
     */
    public synchronized Optional<Completion> get(String key, String identity) {
        String sql = "SELECT text, prompt_tokens, completion_tokens, finish_reason, reasoning, served_model, "
                + "fingerprint FROM answers WHERE key = ?" + (identity == null ? "" : " AND identity = ?")
                + " ORDER BY created DESC LIMIT 1";
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, key);
            if (identity != null) {
                select.setString(2, identity);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Completion(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), Completion.UNKNOWN))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            failed(e);
            return Optional.empty();
        }
    }

    /** Stores a successful completion under {@code key} and {@code identity}, replacing an earlier one of both. */
    public synchronized void put(String key, String identity, String provider, String model, Completion c) {
        try (PreparedStatement insert = db.prepareStatement("INSERT OR REPLACE INTO answers (key, identity, "
                + "provider, model, text, reasoning, finish_reason, served_model, fingerprint, prompt_tokens, "
                + "completion_tokens, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, identity);
            insert.setString(3, provider);
            insert.setString(4, model);
            insert.setString(5, c.text());
            insert.setString(6, c.reasoning());
            insert.setString(7, c.finishReason());
            insert.setString(8, c.servedModel());
            insert.setString(9, c.fingerprint());
            insert.setInt(10, c.promptTokens());
            insert.setInt(11, c.completionTokens());
            insert.setLong(12, System.currentTimeMillis());
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
            try (ResultSet rs = s.executeQuery("SELECT count(*), min(created), max(created) FROM answers")) {
                rs.next();
                entries = rs.getLong(1);
                oldest = rs.getLong(2);
                newest = rs.getLong(3);
            }
            List<ModelCount> models = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT provider, model, count(*) FROM answers "
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
            long n = s.executeUpdate("DELETE FROM answers");
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
