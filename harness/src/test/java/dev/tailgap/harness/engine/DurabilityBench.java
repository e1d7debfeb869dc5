package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What durability costs, end to end: the 1,752-item bundled dataset against the synthetic model on loopback (no
 * latency) at concurrency 32, with the item log forced per group commit (the default), per line, and never. Prints
 * the median items/s of five runs each; asserts nothing about time. Runs only with {@code -Dtailgap.bench=true}:
 * {@code mvn -pl harness -am test -Dtest=DurabilityBench -Dsurefire.failIfNoSpecifiedTests=false -Dtailgap.bench=true}.
 */
class DurabilityBench {
    @TempDir
    Path tmp;

    @Test
    void itemsPerSecondBySync() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tailgap.bench"), "set -Dtailgap.bench=true to measure");
        try (SimServer server = SimServer.start(SimModel.of(DatasetFiles.items(DatasetFiles.load("world-cities",
                false)), SimParams.DEFAULTS), 0, 64)) {
            int reps = 5;
            ItemLogWriter.Sync[] modes = ItemLogWriter.Sync.values();
            double[][] rates = new double[modes.length][reps];
            for (int rep = -1; rep < reps; rep++) { // rep -1 warms up
                for (int m = 0; m < modes.length; m++) {
                    RunEngine engine = new RunEngine(tmp, Progress.NONE, k -> null, null, modes[m]);
                    RunSpec spec = RunSpec.builder().dataset("world-cities").model("openai:" + SimServer.MODEL_ID)
                            .target(t -> t.withBaseUrl(server.baseUrl())).execution(e -> e.withConcurrency(32))
                            .out(tmp.resolve(modes[m] + "-" + rep)).build();
                    long start = System.nanoTime();
                    RunResult r = engine.run(spec);
                    double secs = (System.nanoTime() - start) / 1e9;
                    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
                    if (rep >= 0) {
                        rates[m][rep] = r.asked() / secs;
                    }
                }
            }
            for (int m = 0; m < modes.length; m++) {
                Arrays.sort(rates[m]);
                System.out.printf(Locale.ROOT, "durability %-9s median %7.0f items/s  (runs: %s)%n", modes[m],
                        rates[m][reps / 2], Arrays.toString(Arrays.stream(rates[m]).map(Math::rint).toArray()));
            }
        }
    }
}
