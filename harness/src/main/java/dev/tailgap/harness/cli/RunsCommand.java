package dev.tailgap.harness.cli;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.reports.ReportFormats;
import dev.tailgap.harness.history.Figures;
import dev.tailgap.harness.history.GateOutcome;
import dev.tailgap.harness.history.GateRecord;
import dev.tailgap.harness.history.RunEntries;
import dev.tailgap.harness.history.RunEntry;
import dev.tailgap.harness.history.RunIndex;
import dev.tailgap.harness.history.TagMatch;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap runs list | show | add | reindex}: the local index of past runs. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"The runs index: every run registers in RUNS/" + RunIndex.FILE + " when it ends (complete, or "
                + "stopped and marked so). Run directories are the truth: one copied in is indexed when listed, and "
                + "reindex rebuilds the index from them."})
final class RunsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List runs, newest first: when, model, dataset, n, overall and tail accuracy and the gap "
                    + "with 95%% intervals, state, tags and directory.")
    int list(@Mixin RunsDirOption runs,
             @Option(names = "--tag", paramLabel = "KEY[=VALUE]", description = "Only runs with this tag, repeatable.")
             List<String> tags,
             @Option(names = "--dataset", paramLabel = "NAME[@VERSION]", description = "Only runs on this dataset.")
             String dataset,
             @Option(names = "--model", paramLabel = "PROVIDER:MODEL", description = "Only runs of this model.")
             String model,
             @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                     description = "At most N runs (default: ${DEFAULT-VALUE}).") int limit) {
        if (limit < 1) {
            throw TailgapException.usage("--limit must be at least 1, got " + limit);
        }
        List<TagMatch> wanted = TagMatch.parseAll(tags, "--tag");
        List<RunEntry> entries;
        List<String> warnings;
        try (RunIndex index = RunIndex.open(runs.runsDir)) {
            warnings = index.refresh();
            entries = index.all();
        }
        List<RunEntry> shown = entries.stream().filter(e -> TagMatch.all(wanted, e.tags()))
                .filter(e -> dataset == null || dataset.equals(e.dataset())
                        || (e.dataset() != null && e.dataset().startsWith(dataset + "@")))
                .filter(e -> model == null || model.equals(e.model())).limit(limit).toList();
        PrintWriter out = spec.commandLine().getOut();
        warn(warnings);
        if (shown.isEmpty()) {
            out.println("no runs" + (entries.isEmpty() ? " in " + runs.runsDir : " match (" + entries.size()
                    + " runs in " + runs.runsDir + ")"));
            out.flush();
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"when", "model", "dataset", "n", "overall", "tail", "gap", "state", "tags", "dir"});
        for (RunEntry e : shown) {
            rows.add(new String[] {Figures.when(e.ended() != null ? e.ended() : e.started()), Figures.plain(e.model()),
                    Figures.plain(e.dataset()), Integer.toString(e.n()), Figures.estimate(e.overall()),
                    Figures.estimate(e.tailAccuracy()), Figures.estimate(e.gap()), state(e), Figures.tags(e.tags()),
                    Figures.dir(e.dir())});
        }
        out.print(Figures.table(rows));
        out.flush();
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one run: its summary and the paths of its reports.")
    int show(@Mixin RunsDirOption runs,
             @Parameters(paramLabel = "RUN|DIR", description = "A run directory, or the (start of the) name of one in "
                     + "the index.") String run) {
        RunEntry e = find(runs.runsDir, run);
        PrintWriter out = spec.commandLine().getOut();
        out.println("run:      " + Figures.dir(e.dir()));
        out.println("state:    " + state(e) + " (" + e.asked() + " of " + e.planned() + " planned items asked, "
                + e.n() + " scored)");
        out.println("model:    " + Figures.plain(e.model()) + (e.served() == null ? "" : " (served: "
                + Figures.plain(e.served()) + ")"));
        out.println("dataset:  " + Figures.plain(e.dataset()) + " (sha256 " + e.datasetSha256() + ")");
        out.println("started:  " + Figures.when(e.started()));
        out.println("ended:    " + Figures.when(e.ended()));
        out.println("overall:  accuracy " + Figures.estimate(e.overall()));
        out.println("head:     " + (e.head() == null ? "-" : Figures.plain(e.head()) + " accuracy "
                + Figures.estimate(e.headAccuracy())));
        out.println("tail:     " + (e.tail() == null ? "-" : Figures.plain(e.tail()) + " accuracy "
                + Figures.estimate(e.tailAccuracy())));
        out.println("gap:      " + Figures.estimate(e.gap()) + " (head minus tail)");
        out.println("tags:     " + (e.tags().isEmpty() ? "-" : Figures.tags(e.tags())));
        GateOutcome g = e.gate();
        out.println("gate:     " + (g == null ? "never gated" : (g.passed() ? "PASSED" : "FAILED " + g.failed()
                + " of " + g.rules() + " rules") + (g.baseline() == null ? "" : " against " + g.baseline()) + " at "
                + Figures.when(g.at())));
        out.println("files:");
        Set<String> names = new LinkedHashSet<>();
        ReportFormats.all().forEach(f -> names.addAll(f.files()));
        names.addAll(List.of(RunDirectory.ITEMS, RunDirectory.SPEC, GateRecord.FILE));
        for (String name : names) {
            if (Files.isRegularFile(e.dir().resolve(name))) {
                out.println("  " + Figures.dir(e.dir().resolve(name)));
            }
        }
        out.flush();
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add run directories (e.g. copied in from CI) to the index; they stay where they are.")
    int add(@Mixin RunsDirOption runs,
            @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run directories.") List<Path> dirs) {
        try (RunIndex index = RunIndex.open(runs.runsDir)) {
            for (Path d : dirs) {
                RunEntry e = RunEntries.read(d);
                index.put(e);
                spec.commandLine().getOut().println("added " + Figures.dir(e.dir()) + " (" + state(e) + ")");
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = "Rebuild the index from the run directories (those under the runs directory, and those "
                    + "added from elsewhere that still exist).")
    int reindex(@Mixin RunsDirOption runs) {
        int count;
        try (RunIndex index = RunIndex.open(runs.runsDir)) {
            warn(index.reindex());
            count = index.all().size();
        }
        spec.commandLine().getOut().println("indexed " + count + (count == 1 ? " run" : " runs") + " in "
                + runs.runsDir.resolve(RunIndex.FILE));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A run directory given as a path, or an indexed run whose directory name starts with {@code run}. */
    private RunEntry find(Path runsDir, String run) {
        Path asPath = Path.of(run);
        if (Files.isRegularFile(asPath.resolve(RunDirectory.SPEC))) {
            return RunEntries.read(asPath);
        }
        List<RunEntry> all;
        try (RunIndex index = RunIndex.open(runsDir)) {
            warn(index.refresh());
            all = index.all();
        }
        List<RunEntry> hits = all.stream().filter(e -> e.dir().getFileName() != null
                && e.dir().getFileName().toString().startsWith(run)).toList();
        if (hits.size() == 1) {
            return hits.get(0);
        }
        if (hits.isEmpty()) {
            throw TailgapException.usage("no run '" + run + "': not a run directory, and no run in " + runsDir
                    + " has a name starting so (tailgap runs list shows them)");
        }
        throw TailgapException.usage(hits.size() + " runs in " + runsDir + " have a name starting with '" + run
                + "' (" + Figures.dir(hits.get(0).dir()) + ", " + Figures.dir(hits.get(1).dir()) + (hits.size() > 2
                ? ", ..." : "") + "); give more of the name or the directory");
    }

    private void warn(List<String> warnings) {
        for (String w : warnings) {
            spec.commandLine().getErr().println("tailgap: warning: " + w);
        }
        spec.commandLine().getErr().flush();
    }

    private static String state(RunEntry e) {
        return e.complete() ? "complete" : e.status().label() + " (incomplete)";
    }
}
