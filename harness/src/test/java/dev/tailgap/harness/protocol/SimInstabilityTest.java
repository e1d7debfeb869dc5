package dev.tailgap.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.harness.sim.SimInstability;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.Consistency;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --samples 5} against the synthetic model configured with a known share of unstable items per bucket: the
 * reported instability counts exactly the unstable items the model has, and each bucket's interval holds the
 * configured share; majority vote, accuracy at K and the first sample follow from the model's truth.
 */
class SimInstabilityTest {
    @TempDir
    Path tmp;

    @Test
    void fiveSamplesReportTheConfiguredInstabilityPerBucket() throws Exception {
        Dataset ds = DatasetFiles.load("world-cities", false);
        List<Item> items = DatasetFiles.items(ds);
        Bucketing log10 = BucketScheme.parse("quantile:3").apply(ds.frequencies());
        Map<String, Double> shares = Map.of(log10.buckets().get(0).name(), 0.05, log10.buckets().get(1).name(), 0.2,
                log10.buckets().get(2).name(), 0.4);
        SimModel model = SimModel.of(items, SimParams.DEFAULTS).withInstability(SimInstability.perBucket(log10, shares));
        try (SimServer server = SimServer.start(model, 0, 16)) {
            Prompting five = new Prompting("zero-shot", "", "\n", 0, ShotStrategy.RANDOM, null, false,
                    Extraction.ANSWER_LINE, null, null, 5);
            RunSpec spec = RunSpec.builder().dataset("world-cities").model("openai:" + SimServer.MODEL_ID)
                    .target(t -> t.withBaseUrl(server.baseUrl())).sampling(s -> s.withBucketing("quantile:3"))
                    .generation(g -> g.withPrompting(five)
                            .withParams(new GenerationParams(0.7, 32, List.of("\n"), 11L)))
                    .execution(e -> e.withConcurrency(8)).out(tmp.resolve("run")).build();
            RunResult r = new RunEngine(tmp, Progress.NONE, k -> null).run(spec);
            assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(server.requests()).isEqualTo(5L * items.size());

            Map<String, long[]> truth = new HashMap<>(); // bucket -> unstable, knows, knows and stable
            Map<String, Item> byId = new HashMap<>();
            items.forEach(i -> byId.put(i.id(), i));
            try (ItemLog.Reader log = ItemLog.read(r.dir().resolve("items.jsonl"))) {
                for (ItemResult x : log) {
                    Item i = byId.get(x.id());
                    assertThat(x.samples()).hasSize(5);
                    long[] t = truth.computeIfAbsent(x.bucket(), k -> new long[3]);
                    boolean unstable = model.unstable(i);
                    boolean knows = model.truth(i).decision() == SimModel.Decision.KNOWS;
                    t[0] += unstable ? 1 : 0;
                    t[1] += knows ? 1 : 0;
                    t[2] += knows && !unstable ? 1 : 0;
                }
            }
            Consistency c = r.report().consistency();
            assertThat(c.samples()).isEqualTo(5);
            for (Consistency.Row row : c.buckets()) {
                long[] t = truth.get(row.name());
                assertThat(row.n()).isEqualTo(r.report().bucket(row.name()).n());
                assertThat(row.unstable()).as(row.name()).isEqualTo(t[0]);
                double configured = shares.get(row.name());
                assertThat(configured).as("%s: %s within %s..%s", row.name(), configured, row.instability().lower(),
                        row.instability().upper()).isBetween(row.instability().lower(), row.instability().upper());
                // an unstable item answers otherwise to the odd seeds 11, 13, 15: three of five samples
                assertThat(row.anyCorrect()).as(row.name()).isEqualTo(t[1]);
                assertThat(row.majorityCorrect()).as(row.name()).isEqualTo(t[2]);
                assertThat(row.firstCorrect()).as(row.name()).isEqualTo(t[2]);
            }
            assertThat(c.overall().n()).isEqualTo(items.size());
        }
    }
}
