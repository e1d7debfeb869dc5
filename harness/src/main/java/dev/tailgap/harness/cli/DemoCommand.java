package dev.tailgap.harness.cli;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ProgramName;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.plan.Target;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code tailgap demo}: the whole pipeline offline. Starts the synthetic reference model on a loopback port and runs
 * the bundled dataset against it over real HTTP through the OpenAI-compatible adapter.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the bundled dataset against the SYNTHETIC reference model, served on a loopback port: no "
                + "endpoint, key or network needed. The model knows an item with a probability that rises "
                + "logistically with log10(frequency), so the report shows a known head-vs-tail gap."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SimOptions sim;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        SimParams params = sim.params();
        Dataset dataset = DatasetFiles.load(run.dataset, run.skipInvalid);
        SimModel model = SimModel.of(DatasetFiles.items(dataset), params);
        try (SimServer server = SimServer.start(model, 0, Math.max(16, run.concurrency * 2))) {
            RunSpec runSpec = run.toSpec(Target.of("openai:" + SimServer.MODEL_ID)
                    .withBaseUrl(server.baseUrl())
                    .withEndpointLabel("synthetic reference model on loopback, " + params.describe())).build();
            spec.commandLine().getErr().println("demo: the model is SYNTHETIC (" + params.describe()
                    + "), served at " + server.baseUrl());
            int code = Runner.run(runSpec, run.runsDir, run.quiet, null, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            if (code == 0) {
                spec.commandLine().getOut().printf("%nThis was a synthetic model: point %1$s run at a real "
                        + "endpoint next (%1$s run --help).%n", ProgramName.get());
            }
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the synthetic model on loopback: " + e.getMessage(), e);
        }
    }
}
