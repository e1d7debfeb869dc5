package dev.tailgap.harness.cli;

import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.SkipReport;
import dev.tailgap.harness.cache.ResponseCache;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.harness.engine.RunStoppedException;
import dev.tailgap.reports.RunMetadataRows;
import dev.tailgap.reports.TerminalTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a spec for a command: progress on stderr (a bar on a terminal, plain lines otherwise), the table on stdout.
 * Ctrl-C stops cleanly: no new request, those in flight cancelled, finished items kept, and a line saying how to
 * resume (exit 130).
 */
final class Runner {
    private Runner() {
    }

    /** How a run ended: its exit code and, when it finished, its directory ({@code null} when it was stopped). */
    record Ran(int code, Path dir) {
    }

    static int run(RunSpec spec, Path runsDir, boolean quiet, ResponseCache cache, PrintWriter out,
                   PrintWriter err) {
        return ran(spec, runsDir, quiet, cache, out, err).code();
    }

    /** Runs {@code spec} as {@link #run} does, also telling where it went. */
    static Ran ran(RunSpec spec, Path runsDir, boolean quiet, ResponseCache cache, PrintWriter out,
                   PrintWriter err) {
        Progress progress = quiet ? Progress.NONE
                : System.console() != null ? new TerminalProgress() : new ConsoleProgress(err);
        RunEngine engine = new RunEngine(runsDir, progress, System::getenv, cache);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            engine.stop();
            try {
                done.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "tailgap-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        RunResult result;
        try {
            result = engine.run(spec);
        } catch (RunStoppedException e) {
            err.println("tailgap: " + e.getMessage());
            err.flush();
            return new Ran(130, null);
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for us
            }
        }
        out.print(TerminalTable.render(result.report()));
        out.println();
        out.print(RunMetadataRows.text(result.report()));
        for (String w : result.warnings()) {
            err.println("tailgap: warning: " + w);
        }
        err.flush();
        if (result.resumed() > 0) {
            out.println("resumed: " + result.resumed() + " items were kept from an earlier attempt of this run, "
                    + result.asked() + " asked now");
        }
        if (result.cacheHits() > 0) {
            out.println("cache: " + result.cacheHits() + " of " + result.asked() + " answers came from "
                    + cache.file() + ", recorded under the same served identity (--no-cache to ask again)");
        }
        SkipReport.lines(result.dir(), RunDirectory.SPEC, RunDirectory.RESUME_KEY).forEach(err::println);
        if (cache != null && cache.failures() > 0) {
            err.println("tailgap: warning: " + cache.failures() + " response cache reads or writes failed ("
                    + cache.lastFailure() + "); the run did not depend on them");
        }
        out.println("run directory: " + result.dir());
        out.println("  " + result.dir().resolve(RunDirectory.REPORT_JSON));
        out.println("  " + result.dir().resolve(RunDirectory.REPORT_MD));
        out.println("  " + result.dir().resolve(RunDirectory.REPORT_HTML));
        out.flush();
        if (result.exitCode() != ExitCode.OK) {
            err.println("tailgap: endpoint error: " + result.message());
            err.flush();
        }
        return new Ran(result.exitCode().code(), result.dir());
    }
}
