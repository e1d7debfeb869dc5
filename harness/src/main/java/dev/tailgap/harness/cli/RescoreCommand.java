package dev.tailgap.harness.cli;

import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.plan.Execution;
import dev.tailgap.harness.plan.Scoring;
import dev.tailgap.harness.cache.ResponseCache;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.harness.engine.RunSpecFile;
import dev.tailgap.harness.engine.Rescorer;
import dev.tailgap.reports.TerminalTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap rescore RUN_DIR --scorer NAME}: score a saved run's answers again, into a new run directory. */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = {"Score a saved run's answers again with another scorer or bucketing, into a new run "
                + "directory; the model is not called (a judge is, through the response cache).",
                "The new directory's spec.json records the source run and its scorer. Rerunning the same command "
                        + "keeps the items already rescored."})
final class RescoreCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory written by tailgap run.")
    Path source;

    @Option(names = "--scorer", required = true, paramLabel = "NAME",
            description = "contains, exact, f1, regex, judge or a plug-in (see: tailgap list scorers).")
    String scorer;

    @Mixin
    ScoringFlags scoring;

    @Option(names = "--bucketing", paramLabel = "SCHEME",
            description = "Recompute the buckets from the whole dataset (default: the source run's buckets).")
    String bucketing;

    @Option(names = "--out", paramLabel = "DIR", description = "The new run directory (default: RUN_DIR__SCORER "
            + "beside the source).")
    Path out;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N",
            description = "Judge requests in flight at most (default: ${DEFAULT-VALUE}).")
    int concurrency = Execution.DEFAULT_CONCURRENCY;

    @Option(names = "--no-cache", description = "Neither read nor fill the response cache (for the judge).")
    boolean noCache;

    @Mixin
    CacheOptions cache;

    @Override
    public Integer call() {
        RunSpec recorded = RunSpecFile.read(source);
        RunSpec rescoring = recorded.toBuilder().scoring(s -> new Scoring(scorer, scoring.options()))
                .execution(e -> e.withConcurrency(concurrency)).build();
        Path target = out != null ? out : source.toAbsolutePath().normalize()
                .resolveSibling(source.toAbsolutePath().normalize().getFileName() + "__" + scorer);
        RunResult result;
        if (noCache) {
            result = new Rescorer(System::getenv, null).rescore(source, rescoring, bucketing, target);
        } else {
            try (ResponseCache responses = ResponseCache.open(cache.dir())) {
                result = new Rescorer(System::getenv, responses).rescore(source, rescoring, bucketing, target);
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        o.print(TerminalTable.render(result.report()));
        o.println();
        if (result.resumed() > 0) {
            o.println("resumed: " + result.resumed() + " items were kept from an earlier rescore, " + result.asked()
                    + " scored now");
        }
        o.println("rescored " + source + " with " + result.report().run().get("scorer"));
        o.println("run directory: " + result.dir());
        o.println("  " + result.dir().resolve(RunDirectory.REPORT_JSON));
        o.println("  " + result.dir().resolve(RunDirectory.REPORT_HTML));
        o.flush();
        return 0;
    }
}
