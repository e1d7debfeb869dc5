package dev.tailgap.harness.history;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.harness.engine.RunStoppedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registers a run in the runs index of its engine's runs directory when an attempt ends: finished (the entry says
 * complete), stopped or failed at the endpoint (the entry says stopped). A failure to write the index never changes
 * the run's outcome: it becomes a warning of the result, or a note at the end of the exception's message.
 */
public final class RunRegistration {
    private RunRegistration() {
    }

    /** {@code result}, registered, with a warning added when the index could not be written. */
    public static RunResult after(Path runsDir, RunResult result) {
        Optional<String> warning = RunIndex.register(runsDir, result.dir(), result.report());
        if (warning.isEmpty()) {
            return result;
        }
        List<String> warnings = new ArrayList<>(result.warnings());
        warnings.add(warning.get());
        return new RunResult(result.dir(), result.report(), result.exitCode(), result.message(), result.resumed(),
                result.asked(), result.cacheHits(), warnings);
    }

    /** Registers the run in {@code dir} after its attempt ended with {@code e}; returns the exception to throw. */
    public static RuntimeException after(Path runsDir, Path dir, RuntimeException e) {
        Optional<String> warning = RunIndex.register(runsDir, dir);
        if (warning.isEmpty()) {
            return e;
        }
        String message = e.getMessage() + "; warning: " + warning.get();
        if (e instanceof TailgapException te) {
            return new TailgapException(te.exitCode(), message, te.getCause());
        }
        return e instanceof RunStoppedException ? new RunStoppedException(message) : e;
    }
}
