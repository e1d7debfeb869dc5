package dev.tailgap.datasets.frequency;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The compression of a corpus file, known from its name: {@code .gz} is gzip (JDK), {@code .zst} and {@code .zstd}
 * are Zstandard (aircompressor, pure Java: no native library to match on Spark executors). Compressed files are
 * read whole (they cannot be split into blocks).
 */
public enum Compression {
    NONE, GZIP, ZSTD;

    /** The compression of a file named {@code path}. */
    public static Compression of(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".gz")) {
            return GZIP;
        }
        if (p.endsWith(".zst") || p.endsWith(".zstd")) {
            return ZSTD;
        }
        return NONE;
    }

    /** The decompressed stream over {@code raw}. */
    InputStream decode(InputStream raw) throws IOException {
        switch (this) {
            case GZIP:
                return new GZIPInputStream(raw, 1 << 16);
            case ZSTD:
                return new ZstdInputStream(raw);
            default:
                return raw;
        }
    }
}
