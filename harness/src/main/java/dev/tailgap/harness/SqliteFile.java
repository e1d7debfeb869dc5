package dev.tailgap.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * How tailgap opens its embedded SQLite files (the response cache, the runs index): the directory created, WAL
 * journal with normal sync (several processes may read and write at once), a 30 s wait for another writer (opening
 * included: a new file's switch to WAL is retried while another opener holds it), and the
 * schema version in {@code PRAGMA user_version} checked, so a file written by a newer tailgap is refused rather than
 * misread.
 */
public final class SqliteFile {
    private static final int BUSY_TIMEOUT_MS = 30_000;
    private static final long BUSY_RETRY_MS = 20;

    private SqliteFile() {
    }

    /**
     * A connection to {@code file} whose schema version is at most {@code schema}; otherwise the connection is closed
     * and a usage error says that {@code what} (e.g. "the runs index") was written by a newer tailgap, then {@code
     * remedy}.
     */
    public static Connection open(Path file, int schema, String what, String remedy) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            try {
                return openOnce(file, schema, what, remedy);
            } catch (SQLiteException e) {
                // switching a new file to WAL takes a lock SQLite does not wait for: another process or thread
                // opening the same new file at that moment gets SQLITE_BUSY at once, so wait here instead
                if (e.getResultCode() != SQLiteErrorCode.SQLITE_BUSY || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(BUSY_RETRY_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static Connection openOnce(Path file, int schema, String what, String remedy)
            throws SQLException, IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        int version;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        if (version > schema) {
            db.close();
            throw TailgapException.usage(what + " " + file + " was written by a newer tailgap (schema " + version
                    + "); " + remedy);
        }
        return db;
    }
}
