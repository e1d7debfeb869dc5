package dev.tailgap.harness.cli;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.compare.RunComparer;
import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.ComparisonFormat;
import dev.tailgap.reports.ComparisonFormats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap compare RUN_DIR RUN_DIR...}: paired comparison of saved runs on the same dataset. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two or more saved runs on the same dataset (no model is called). The first run is the "
                + "baseline; every other run is compared with it on the items both scored, paired by id: exact "
                + "McNemar test per bucket, Holm-adjusted across buckets.",
                "Runs on different dataset files (different sha256) are refused with exit code 2."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "2..*", description = "Run directories; the first is the baseline.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the comparison to FILE (default: print it).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "html, markdown (md), json, or another comparison format on the class path (default: "
                    + "from the --out file's extension, else html when writing a file and markdown when printing).")
    String format;

    @Option(names = "--allow-incomplete", description = "Compare unfinished runs as they are (their reports say "
            + "INCOMPLETE); without it an unfinished run is refused (exit 2).")
    boolean allowIncomplete;

    @Override
    public Integer call() {
        Comparison c = RunComparer.compare(dirs, Version.tool(), allowIncomplete);
        String text = chosen().render(c);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(text);
        } else {
            TextFiles.writeAtomically(out, text);
            stdout.println("wrote " + out);
        }
        stdout.flush();
        return 0;
    }

    /** The named format, else the one the --out file's extension names, else html for a file, markdown printed. */
    private ComparisonFormat chosen() {
        try {
            if (format != null) {
                return ComparisonFormats.get(format);
            }
            return out == null ? ComparisonFormats.get("markdown") : ComparisonFormats.forFile(out, "html");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw TailgapException.usage("--format: " + e.getMessage());
        }
    }
}
