package dev.tailgap.harness.cli;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.history.Figures;
import dev.tailgap.harness.history.TagMatch;
import dev.tailgap.harness.history.TrendBuilder;
import dev.tailgap.harness.history.TrendRuns;
import dev.tailgap.reports.Trend;
import dev.tailgap.reports.TrendHtml;
import dev.tailgap.reports.TrendMarkdown;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap trend}: head, tail, overall and gap across runs, each change tested against the run before. */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = {"Follow head, tail and overall accuracy and the head-tail gap (95%% intervals) across runs, "
                + "and mark each significant change against the run before: paired (exact McNemar, as in compare) "
                + "where the runs share items, independent proportions (Newcombe interval) otherwise. No model is "
                + "called.",
                "Writes trend.md and trend.html (self-contained: inline SVG, no script, no network)."})
final class TrendCommand implements Callable<Integer> {
    static final String MARKDOWN = "trend.md";
    static final String HTML = "trend.html";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "0..*", description = "Run directories (or select with --tag).")
    List<Path> dirs;

    @Option(names = "--tag", paramLabel = "KEY[=VALUE]",
            description = "Take the indexed runs with this tag, e.g. series=nightly; repeatable (all must match).")
    List<String> tags;

    @Option(names = "--order-by", paramLabel = "TAG",
            description = "Order the runs by this tag's value read as a version (1.9 before 1.10) and label them "
                    + "with it; default: by time, labelled by directory name.")
    String orderBy;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for trend.md and trend.html (default: RUNS/trends/<tags, or 'runs'>).")
    Path out;

    @Option(names = "--allow-incomplete", description = "Include unfinished runs (marked INCOMPLETE); without it "
            + "they are refused when named and left out when selected by tag.")
    boolean allowIncomplete;

    @Mixin
    RunsDirOption runs;

    @Override
    public Integer call() {
        List<TagMatch> wanted = TagMatch.parseAll(tags, "--tag");
        TrendRuns selected = TrendRuns.select(dirs == null ? List.of() : dirs, wanted, runs.runsDir, orderBy,
                allowIncomplete);
        PrintWriter err = spec.commandLine().getErr();
        if (selected.skippedIncomplete() > 0) {
            err.println("tailgap: warning: " + selected.skippedIncomplete() + " unfinished runs left out "
                    + "(--allow-incomplete includes them)");
            err.flush();
        }
        if (selected.runs().isEmpty()) {
            throw TailgapException.usage("no complete run to follow (pass --allow-incomplete to include unfinished "
                    + "ones)");
        }
        String title = wanted.isEmpty() ? selected.runs().size() + " runs"
                : String.join(" ", wanted.stream().map(TagMatch::toString).toList());
        Trend trend = TrendBuilder.build(title, selected.order(), selected.runs(), orderBy, Version.tool());
        Path dir = out != null ? out : runs.runsDir.resolve("trends").resolve(wanted.isEmpty() ? "runs"
                : slug(title));
        TextFiles.writeAtomically(dir.resolve(MARKDOWN), TrendMarkdown.render(trend));
        TextFiles.writeAtomically(dir.resolve(HTML), TrendHtml.render(trend));
        PrintWriter stdout = spec.commandLine().getOut();
        long marked = trend.steps().stream().filter(Trend.Step::significant).count();
        stdout.println(trend.runs().size() + " runs, ordered by " + trend.order() + "; " + marked
                + (marked == 1 ? " significant change" : " significant changes") + " against the run before");
        for (int k = 0; k < trend.steps().size(); k++) {
            Trend.Step s = trend.steps().get(k);
            for (Trend.Change c : s.changes()) {
                if (c.significant()) {
                    stdout.println("  " + Figures.plain(trend.runs().get(k).label()) + " -> "
                            + Figures.plain(trend.runs().get(k + 1).label()) + ": " + c.metric().label() + " "
                            + (c.difference().value() > 0 ? "up " : "down ")
                            + Figures.pct(Math.abs(c.difference().value())) + " pts [" + Figures.pct(c.difference()
                            .lower()) + ", " + Figures.pct(c.difference().upper()) + "]");
                }
            }
        }
        stdout.println("  " + dir.resolve(MARKDOWN));
        stdout.println("  " + dir.resolve(HTML));
        stdout.flush();
        return 0;
    }

    /** A file-name-safe form of the tags: letters, digits, '.', '_' and '-' kept, the rest '_'. */
    static String slug(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return t.length() > 80 ? t.substring(0, 80) : t;
    }
}
