package dev.tailgap.harness.cli;

import dev.tailgap.harness.cache.ResponseCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the response cache lives, shared by {@code run} and {@code cache}. */
final class CacheOptions {
    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Response cache directory (default: $TAILGAP_CACHE_DIR, else $XDG_CACHE_HOME/tailgap, else "
                    + "~/.cache/tailgap).")
    Path dir;

    Path dir() {
        return dir != null ? dir : ResponseCache.defaultDir(System::getenv);
    }
}
