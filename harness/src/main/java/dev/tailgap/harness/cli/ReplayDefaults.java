package dev.tailgap.harness.cli;

import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.harness.engine.RunSpecFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code run -m replay:RUN_DIR} asks what the replayed run asked: the dataset, sampling, prompt, system message and
 * generation settings recorded in RUN_DIR's spec.json are the defaults, and only flags given on the command line
 * change them (the scorer and its options are the command line's, which is the point of a replay).
 */
final class ReplayDefaults {

    private ReplayDefaults() {
    }

    /** The replayed run directory named by {@code model}, or {@code null} when it is not a replay of a run. */
    static Path runOf(String model) {
        if (model == null || !model.startsWith("replay:")) {
            return null;
        }
        Path p = Path.of(model.substring("replay:".length()));
        Path dir = Files.isDirectory(p) ? p : p.getParent();
        return dir != null && Files.isRegularFile(dir.resolve(RunDirectory.SPEC)) ? dir : null;
    }

    /** Sets on {@code b} every recorded setting of the run in {@code dir} whose flag is not in {@code given}. */
    static RunSpec.Builder apply(RunSpec.Builder b, Path dir, Set<String> given) {
        RunSpec r = RunSpecFile.read(dir);
        if (!given.contains("--dataset")) {
            b.dataset(r.dataset());
        }
        if (!given.contains("--bucketing")) {
            b.bucketing(r.bucketing());
        }
        if (!given.contains("--min-bucket-size")) {
            b.minBucketSize(r.minBucketSize());
        }
        if (!given.contains("--per-bucket")) {
            b.perBucket(r.perBucket());
        }
        if (!given.contains("--limit")) {
            b.limit(r.limit());
        }
        if (!given.contains("--seed")) {
            b.seed(r.seed());
        }
        if (!given.contains("--prompt-file")) {
            b.prompt(r.prompt());
        }
        if (!given.contains("--system")) {
            b.system(r.system());
        }
        if (!given.contains("--skip-invalid")) {
            b.skipInvalid(r.skipInvalid());
        }
        if (!given.contains("--temperature") && !given.contains("--max-tokens") && !given.contains("--stop")
                && !given.contains("--gen-seed")) {
            b.params(r.params());
        }
        return b;
    }
}
