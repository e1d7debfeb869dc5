package dev.tailgap.harness.engine;

import dev.tailgap.harness.ExitCode;
import dev.tailgap.reports.Report;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished run produced: its directory, its report, the exit code it deserves ({@link ExitCode#ENDPOINT} when
 * the error rate passed the threshold), a one-line message explaining a non-zero code, how many items were kept
 * from an earlier attempt, how many were asked in this one, how many of those the response cache answered, and the
 * warnings a user must see (the run moved to a new directory, truncated answers, an endpoint without identity, a
 * served model that changed during the run).
 */
public record RunResult(Path dir, Report report, ExitCode exitCode, String message, long resumed, long asked,
                        long cacheHits, List<String> warnings) {
    public RunResult {
        warnings = List.copyOf(warnings);
    }
}
