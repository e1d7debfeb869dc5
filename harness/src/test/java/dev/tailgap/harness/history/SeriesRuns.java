package dev.tailgap.harness.history;

import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Tagged runs of the synthetic model over loopback, for the tests of the runs index and the trend. */
public final class SeriesRuns {
    private SeriesRuns() {
    }

    /** Runs {@code params} on world-cities ({@code perBucket} items per bucket) into {@code runs/name}, tagged. */
    public static Path run(Path runs, String name, SimParams params, int perBucket, Map<String, String> tags)
            throws IOException {
        try (SimServer server = SimServer.start(SimModel.of(DatasetFiles.items(DatasetFiles.load("world-cities",
                false)), params), 0, 8)) {
            RunSpec spec = RunSpec.builder().dataset("world-cities").model("openai:" + SimServer.MODEL_ID)
                    .target(t -> t.withBaseUrl(server.baseUrl()).withEndpointLabel("synthetic"))
                    .sampling(s -> s.withPerBucket(perBucket)).execution(e -> e.withConcurrency(8))
                    .output(o -> o.withTags(tags)).out(runs.resolve(name)).build();
            RunResult r = new RunEngine(runs, Progress.NONE, k -> null).run(spec);
            if (r.exitCode() != ExitCode.OK) {
                throw new IllegalStateException(r.message());
            }
            return r.dir();
        }
    }
}
