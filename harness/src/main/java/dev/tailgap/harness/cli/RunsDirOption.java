package dev.tailgap.harness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --runs-dir} of the commands that read the runs index (kept in that directory). */
final class RunsDirOption {
    @Option(names = "--runs-dir", defaultValue = "runs", paramLabel = "DIR",
            description = "The runs directory, whose index lists its runs (default: ${DEFAULT-VALUE}).")
    Path runsDir;
}
