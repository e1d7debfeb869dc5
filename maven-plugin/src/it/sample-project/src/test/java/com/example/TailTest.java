package com.example;

import static dev.tailgap.assertj.TailgapAssertions.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.PackageVersion;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TailTest {
    private static final Path FIXTURES = Path.of(System.getProperty("fixtures"));

    @Test
    void savedRunsAreAssertedWithTheGatesRules() {
        assertThat(PackageVersion.VERSION.getMinorVersion()).as("the pinned Jackson line").isEqualTo(15);
        assertThatRun(FIXTURES.resolve("baseline")).bucket("tail").accuracy().isAtLeast(0.05);
        assertThatRun(FIXTURES.resolve("rerun")).comparedTo(FIXTURES.resolve("baseline")).bucket("tail")
                .hasNoSignificantDrop(0.02);
    }

    @Test
    void aRunOfAnInProcessModelWritesItsReportsAndIsAsserted() throws Exception {
        ModelAdapter model = new ModelAdapter() {
            @Override
            public Completion complete(CompletionRequest request) {
                return new Completion("unsure", 3, 1);
            }

            @Override
            public void close() {
            }
        };
        Path out = Path.of("target", "tailgap-runs", "in-process");
        RunResult result = new RunEngine(out.getParent(), Progress.NONE, System::getenv)
                .run(RunSpec.builder().model("inprocess:unsure").sampling(s -> s.withPerBucket(40)).out(out).build(), model);
        assertThat(Files.readString(result.dir().resolve("report.json"))).contains("\"schemaVersion\": 1");
        assertThatRun(result.dir()).bucket("tail").abstention().isAtLeast(0.99);
    }
}
