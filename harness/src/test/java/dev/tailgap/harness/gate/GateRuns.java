package dev.tailgap.harness.gate;

import dev.tailgap.harness.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved runs for gate tests, made with {@code tailgap demo} (the synthetic model over loopback HTTP), 80 items per
 * bucket of world-cities: a baseline (a model that knows half of the items at 10^3.5), a rerun of the same model
 * that differs only by sampling noise (another seed), and a planted regression (the knowledge curve shifted one
 * decade towards the head, so tail accuracy falls by about 30 points).
 */
public final class GateRuns {
    public static final List<String> BASELINE = List.of("--sim-midpoint", "3.5", "--sim-seed", "7");
    public static final List<String> RERUN = List.of("--sim-midpoint", "3.5", "--sim-seed", "8");
    public static final List<String> REGRESSED = List.of("--sim-midpoint", "4.5", "--sim-seed", "9");

    private GateRuns() {
    }

    /** Runs {@code tailgap demo --per-bucket 80} with the given model options into {@code out}. */
    public static Path demo(Path out, List<String> sim, String... extra) {
        List<String> args = new ArrayList<>(List.of("demo", "--per-bucket", "80", "--out", out.toString(), "-q"));
        args.addAll(sim);
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(new String[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        if (code != 0) {
            throw new IllegalStateException("demo failed (" + code + "): " + err);
        }
        return out;
    }
}
