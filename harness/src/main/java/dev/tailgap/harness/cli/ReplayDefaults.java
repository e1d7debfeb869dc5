package dev.tailgap.harness.cli;

import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.plan.Generation;
import dev.tailgap.harness.plan.Sampling;
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
        Sampling rs = r.sampling();
        Generation rg = r.generation();
        boolean params = given.contains("--temperature") || given.contains("--max-tokens") || given.contains("--stop")
                || given.contains("--gen-seed");
        return b.sampling(s -> new Sampling(
                        pick(given, "--dataset", s.dataset(), rs.dataset()),
                        pick(given, "--bucketing", s.bucketing(), rs.bucketing()),
                        pick(given, "--min-bucket-size", s.minBucketSize(), rs.minBucketSize()),
                        pick(given, "--per-bucket", s.perBucket(), rs.perBucket()),
                        pick(given, "--limit", s.limit(), rs.limit()),
                        pick(given, "--sample-seed", s.seed(), rs.seed()),
                        pick(given, "--skip-invalid", s.skipInvalid(), rs.skipInvalid())))
                .generation(g -> new Generation(params ? g.params() : rg.params(),
                        pick(given, "--system", g.system(), rg.system()),
                        pick(given, "--prompt-file", g.prompt(), rg.prompt()),
                        PROTOCOL_FLAGS.stream().anyMatch(given::contains) ? g.prompting() : rg.prompting()));
    }

    /** The flags that change how items are asked: any of them given, the recorded protocol settings are not used. */
    private static final Set<String> PROTOCOL_FLAGS = Set.of("--protocol", "--instruction", "--shots", "--shot-strategy",
            "--shots-file", "--shots-as-turns", "--extraction", "--templates", "--samples");

    /** {@code given}'s value when {@code flag} was on the command line, else the recorded one. */
    private static <T> T pick(Set<String> flags, String flag, T given, T recorded) {
        return flags.contains(flag) ? given : recorded;
    }
}
