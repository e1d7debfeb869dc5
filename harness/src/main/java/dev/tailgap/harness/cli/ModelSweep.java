package dev.tailgap.harness.cli;

import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.compare.RunComparer;
import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.ComparisonHtml;
import dev.tailgap.reports.ComparisonJson;
import dev.tailgap.reports.ComparisonMarkdown;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several models in one command: runs each model's plan, at most {@code parallel} at once, each into its own run
 * directory; then compares the runs that finished (the first model's run is the baseline, see {@link RunComparer})
 * into {@value #HTML}, {@value #MARKDOWN} and {@value #JSON} in the comparison directory, and prints where everything
 * is. A model that fails does not stop the others; the exit code is the first failed model's (0 when all passed).
 * With {@code parallel > 1} each run is quiet and its output is printed in one block when it ends.
 */
final class ModelSweep {
    static final String HTML = "comparison.html";
    static final String MARKDOWN = "comparison.md";
    static final String JSON = "comparison.json";

    /** One model's run: its name for messages and how to run it (printing to the given streams). */
    record Plan(String label, Run run) {
    }

    /** Runs one model, printing to {@code out} and {@code err}. */
    @FunctionalInterface
    interface Run {
        Runner.Ran run(boolean quiet, PrintWriter out, PrintWriter err);
    }

    private ModelSweep() {
    }

    static int run(List<Plan> plans, int parallel, boolean quiet, Path comparisonDir, PrintWriter out,
                   PrintWriter err) {
        if (parallel < 1) {
            throw TailgapException.usage("--parallel-models must be at least 1, got " + parallel);
        }
        List<Runner.Ran> ran = new ArrayList<>();
        if (parallel == 1) {
            for (Plan p : plans) {
                out.println("== " + p.label());
                out.flush();
                ran.add(one(p, quiet, out, err));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, plans.size()));
            try {
                List<Future<Runner.Ran>> futures = new ArrayList<>();
                for (Plan p : plans) {
                    futures.add(pool.submit(() -> buffered(p, out, err)));
                }
                for (Future<Runner.Ran> f : futures) {
                    ran.add(await(f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return finish(plans, ran, comparisonDir, out, err);
    }

    /** Runs a plan quietly into buffers and prints them in one block, so parallel runs do not interleave. */
    private static Runner.Ran buffered(Plan p, PrintWriter out, PrintWriter err) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Runner.Ran r = one(p, true, new PrintWriter(o, true), new PrintWriter(e, true));
        synchronized (out) {
            out.println("== " + p.label());
            out.print(o);
            out.flush();
            err.print(e);
            err.flush();
        }
        return r;
    }

    private static Runner.Ran one(Plan p, boolean quiet, PrintWriter out, PrintWriter err) {
        try {
            return p.run().run(quiet, out, err);
        } catch (TailgapException e) {
            err.println("tailgap: " + (e.exitCode() == ExitCode.ENDPOINT ? "endpoint error: " : "error: ")
                    + p.label() + ": " + e.getMessage());
            err.flush();
            return new Runner.Ran(e.exitCode().code(), null);
        }
    }

    private static Runner.Ran await(Future<Runner.Ran> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Runner.Ran(130, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static int finish(List<Plan> plans, List<Runner.Ran> ran, Path comparisonDir, PrintWriter out,
                              PrintWriter err) {
        List<Path> finished = new ArrayList<>();
        int code = 0;
        out.println();
        out.println("models:");
        for (int i = 0; i < plans.size(); i++) {
            Runner.Ran r = ran.get(i);
            if (r.code() == 0 && r.dir() != null) {
                finished.add(r.dir());
            } else if (code == 0) {
                code = r.code();
            }
            out.println("  " + plans.get(i).label() + ": " + (r.dir() != null ? r.dir() : "no run directory")
                    + (r.code() == 0 ? "" : " (exit " + r.code() + ")"));
        }
        if (finished.size() < 2) {
            err.println("tailgap: warning: " + finished.size() + " of " + plans.size() + " models finished; a "
                    + "comparison needs two, so none was written");
            out.flush();
            err.flush();
            return code != 0 ? code : ExitCode.USAGE.code();
        }
        Comparison c = RunComparer.compare(finished, Version.tool(), false);
        TextFiles.writeAtomically(comparisonDir.resolve(HTML), ComparisonHtml.render(c));
        TextFiles.writeAtomically(comparisonDir.resolve(MARKDOWN), ComparisonMarkdown.render(c));
        TextFiles.writeAtomically(comparisonDir.resolve(JSON), ComparisonJson.render(c));
        out.println("comparison of " + finished.size() + " runs (baseline " + finished.get(0).getFileName() + "):");
        for (String f : List.of(HTML, MARKDOWN, JSON)) {
            out.println("  " + comparisonDir.resolve(f));
        }
        out.flush();
        return code;
    }
}
