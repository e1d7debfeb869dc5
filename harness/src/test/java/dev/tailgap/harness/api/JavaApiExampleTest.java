package dev.tailgap.harness.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.harness.gate.Gate;
import dev.tailgap.harness.gate.Rule;
import dev.tailgap.harness.gate.RunResults;
import dev.tailgap.reports.GateReport;
import dev.tailgap.reports.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java API example, as written there: a plan run against an in-process model, no CLI, no HTTP. */
class JavaApiExampleTest {
    @TempDir
    Path tmp;

    @Test
    void aPlanRunsAgainstAnInProcessModelAndIsGated() throws Exception {
        Path runs = tmp.resolve("runs");
        AtomicInteger asked = new AtomicInteger();
        // --- README: Java API ---
        ModelAdapter model = new ModelAdapter() {       // your model, in process: no server needed
            @Override
            public Completion complete(CompletionRequest request) {
                asked.incrementAndGet();
                return new Completion(request.prompt().contains("Tokyo") ? "Japan" : "unsure", -1, -1);
            }

            @Override
            public void close() {
            }
        };
        RunSpec plan = RunSpec.builder()
                .model("inprocess:my-model")               // names the run; the provider is not looked up
                .sampling(s -> s.withPerBucket(40))        // 40 items per frequency bucket of world-cities
                .out(runs.resolve("mine"))
                .build();
        RunResult result = new RunEngine(runs, Progress.NONE, System::getenv).run(plan, model);
        Report report = result.report();                   // per bucket A/H/M with intervals, gap, slope
        GateReport gate = Gate.evaluate(List.of(Rule.parse("tail.abstention >= 0.9", "java")),
                RunResults.read(result.dir()), null, 0.05);
        // --- end ---
        assertThat(report.overall().asked()).isEqualTo(asked.get()).isPositive();
        assertThat(report.integrity().complete()).isTrue();
        assertThat(report.overall().abstained()).isGreaterThan(report.overall().asked() - 3);
        assertThat(gate.passed()).isTrue();
        assertThat(Files.exists(result.dir().resolve("report.html"))).isTrue();
        String readme = Files.readString(Path.of(System.getProperty("basedir", ".")).resolve("../README.md"));
        String source = Files.readString(Path.of(System.getProperty("basedir", "."))
                .resolve("src/test/java/dev/tailgap/harness/api/JavaApiExampleTest.java"));
        String example = source.substring(source.indexOf("// --- README: Java API ---\n") + 28,
                source.indexOf("        // --- end ---"));
        String dedented = example.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(readme).as("the README shows this example").contains(dedented.strip());
    }
}
