package dev.tailgap.harness.history;

import dev.tailgap.harness.TailgapException;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves {@code gate --baseline}: a run directory, or {@code latest:TAG} ({@code latest:series=nightly},
 * {@code latest:release}): the last passing run of that series in the runs index.
 *
 * <p>"Passing": among the complete runs with the tag on the same dataset as the run being gated (itself and later
 * runs left out), the latest whose own last gate passed ({@value GateRecord#FILE}); when none of them was ever gated,
 * simply the latest of them. When some were gated and none passed, there is no passing baseline: a usage error.
 */
public final class Baselines {
    public static final String LATEST = "latest:";

    private Baselines() {
    }

    /** True when {@code baseline} asks for the index's latest passing run rather than naming a directory. */
    public static boolean isLatest(String baseline) {
        return baseline.startsWith(LATEST);
    }

    /** The baseline's run directory; {@code run} is the directory being gated. */
    public static Path resolve(String baseline, Path run, Path runsDir) {
        if (!isLatest(baseline)) {
            return Path.of(baseline);
        }
        TagMatch tag = TagMatch.parse(baseline.substring(LATEST.length()), "--baseline " + LATEST);
        RunEntry gated = RunEntries.read(run);
        List<RunEntry> series;
        try (RunIndex index = RunIndex.open(runsDir)) {
            index.refresh();
            series = index.all().stream().filter(e -> tag.matches(e.tags())).toList();
        }
        List<RunEntry> candidates = series.stream()
                .filter(e -> e.complete() && !e.dir().equals(gated.dir()) && !e.when().isAfter(gated.when())
                        && gated.datasetSha256() != null && gated.datasetSha256().equals(e.datasetSha256()))
                .toList(); // newest first
        if (candidates.isEmpty()) {
            throw TailgapException.usage("--baseline " + baseline + ": no complete run tagged " + tag + " on "
                    + gated.dataset() + " before " + run + " in the runs index " + runsDir.resolve(RunIndex.FILE)
                    + " (" + series.size() + " runs have the tag; tailgap runs list --tag " + tag + " shows them)");
        }
        List<RunEntry> gatedOnes = candidates.stream().filter(e -> e.gate() != null).toList();
        if (gatedOnes.isEmpty()) {
            return candidates.get(0).dir();
        }
        return gatedOnes.stream().filter(e -> e.gate().passed()).findFirst().map(RunEntry::dir)
                .orElseThrow(() -> TailgapException.usage("--baseline " + baseline + ": none of the "
                        + gatedOnes.size() + " gated runs tagged " + tag + " passed its gate, so there is no passing "
                        + "baseline; name one with --baseline RUN_DIR"));
    }
}
