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

/**
 * How tailgap opens its embedded SQLite files (the response cache, the runs index): the directory created, WAL
 * journal with normal sync (several processes may read and write at once), a 30 s wait for another writer, and the
 * schema version in {@code PRAGMA user_version} checked, so a file written by a newer tailgap is refused rather than
 * misread.
 */
public final class SqliteFile {
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private SqliteFile() {
    }

    /**
     * A connection to {@code file} whose schema version is at most {@code schema}; otherwise the connection is closed
     * and a usage error says that {@code what} (e.g. "the runs index") was written by a newer tailgap, then {@code
     * remedy}.
     */
    public static Connection open(Path file, int schema, String what, String remedy) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        int version;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > schema) {
            db.close();
            throw TailgapException.usage(what + " " + file + " was written by a newer tailgap (schema " + version
                    + "); " + remedy);
        }
        return db;
    }
}
