package dev.tailgap.harness.cli;

import dev.tailgap.harness.cache.ResponseCache;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code tailgap cache stats | clear}: look at and empty the response cache. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = {"The response cache: every successful answer, keyed by a hash of the request (provider, base "
                + "URL, model, generation parameters, system message, prompt, options), so the same request is "
                + "never paid for twice. It never holds an API key."},
        subcommands = {CacheCommand.Stats.class, CacheCommand.Clear.class})
final class CacheCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Show where the cache is, how many answers it holds per model, and its size.")
    static final class Stats implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        CacheOptions cache;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path file = cache.dir().resolve(ResponseCache.FILE);
            if (!Files.exists(file)) {
                out.println("cache      " + file + " (empty: nothing cached yet)");
                out.flush();
                return 0;
            }
            try (ResponseCache c = ResponseCache.open(cache.dir())) {
                ResponseCache.Stats s = c.stats();
                out.printf(Locale.ROOT, "cache      %s%n", s.file());
                out.printf(Locale.ROOT, "entries    %,d%n", s.entries());
                out.printf(Locale.ROOT, "size       %,.1f MiB%n", s.bytes() / 1048576.0);
                if (s.entries() > 0) {
                    out.printf(Locale.ROOT, "oldest     %s%n", Instant.ofEpochMilli(s.oldest()));
                    out.printf(Locale.ROOT, "newest     %s%n", Instant.ofEpochMilli(s.newest()));
                    out.println("by model");
                    for (ResponseCache.ModelCount m : s.models()) {
                        out.printf(Locale.ROOT, "  %-40s %,10d%n", m.model(), m.entries());
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Delete every cached answer.")
    static final class Clear implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        CacheOptions cache;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path file = cache.dir().resolve(ResponseCache.FILE);
            if (!Files.exists(file)) {
                out.println("nothing to clear: " + file + " does not exist");
            } else {
                try (ResponseCache c = ResponseCache.open(cache.dir())) {
                    out.printf(Locale.ROOT, "cleared %,d entries from %s%n", c.clear(), c.file());
                }
            }
            out.flush();
            return 0;
        }
    }
}
