package dev.tailgap.harness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --runs-dir} of the commands that read the runs index (kept in that directory). */
final class RunsDirOption {
    /** The runs directory when none is given, for {@code run} and the commands that read its index. */
    static final String DEFAULT = "runs";

    @Option(names = "--runs-dir", defaultValue = DEFAULT, paramLabel = "DIR",
            description = "The runs directory, whose index lists its runs (default: ${DEFAULT-VALUE}).")
    Path runsDir;
}
