package dev.tailgap.harness.gate;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.reports.GateJUnit;
import dev.tailgap.reports.GateMarkdown;
import dev.tailgap.reports.GateReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a gate's report files for CI: JUnit XML and Markdown where asked (parent directories created, files
 * replaced), and the Markdown appended to a GitHub Actions job summary file ({@code $GITHUB_STEP_SUMMARY}) when one is
 * given. A file that cannot be written is a usage error naming it.
 */
public final class GateFiles {
    private GateFiles() {
    }

    /**
     * @param junit JUnit XML file, or null
     * @param markdown Markdown file, or null
     * @param stepSummary the value of {@code GITHUB_STEP_SUMMARY}, or null/blank when not on GitHub Actions
     */
    public static void write(GateReport report, Path junit, Path markdown, String stepSummary) {
        if (junit != null) {
            write(junit, GateJUnit.render(report), false);
        }
        String md = GateMarkdown.render(report);
        if (markdown != null) {
            write(markdown, md, false);
        }
        if (stepSummary != null && !stepSummary.isBlank()) {
            write(Path.of(stepSummary), md + "\n", true);
        }
    }

    private static void write(Path file, String text, boolean append) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (append) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw TailgapException.usage("cannot write " + file + ": " + e.getMessage());
        }
    }
}
