package dev.tailgap.datasets;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The sha256 digests tailgap writes (dataset, prompt, cache key, served identity, …): lower-case hex, 64 digits. */
public final class Sha256 {
    private Sha256() {
    }

    /** The digest of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(Hashing.sha256().digest(bytes));
    }

    /** The digest of {@code text}'s UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
