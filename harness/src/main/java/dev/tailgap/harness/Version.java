package dev.tailgap.harness;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, as built. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    /** {@code tailgap <version>}, stamped into every result. */
    public static String tool() {
        return "tailgap " + VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/tailgap-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
