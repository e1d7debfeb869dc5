package dev.tailgap.harness.cli;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.plan.Sampling;
import dev.tailgap.harness.sim.SimJudge;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimServer;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailgap serve-sim}: the synthetic reference model as an OpenAI-compatible server on loopback. */
@Command(name = "serve-sim", mixinStandardHelpOptions = true,
        description = {"Serve the SYNTHETIC reference model for a dataset as an OpenAI-compatible server on "
                + "127.0.0.1 (POST /v1/chat/completions, /v1/completions; GET /v1/models, /health, /stats) until "
                + "stopped. Use it as a known-truth endpoint: tailgap run -m openai:synthetic-reference "
                + "--base-url http://127.0.0.1:PORT/v1"})
final class ServeSimCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|FILE",
            description = "The dataset whose questions the model answers (default: ${DEFAULT-VALUE}).")
    String dataset = Sampling.DEFAULT_DATASET;

    @Option(names = "--port", defaultValue = "8000", paramLabel = "PORT",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--threads", defaultValue = "256", paramLabel = "N",
            description = "Requests served at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    SimOptions sim;

    @Option(names = "--sim-instability", paramLabel = "BUCKET=P", split = ",",
            description = "Share of items per bucket (of the dataset's default bucketing) that answer differently to "
                    + "odd request seeds, for --samples runs, e.g. head=0.01,torso=0.05,tail=0.2 (default: none).")
    java.util.Map<String, Double> instability;

    @Option(names = "--judge-accuracy", paramLabel = "P",
            description = "Also serve a synthetic judge (for --scorer judge) that gives the true verdict with "
                    + "probability P.")
    Double judgeAccuracy;

    @Override
    public Integer call() throws InterruptedException {
        Dataset ds = DatasetFiles.load(dataset, false);
        SimModel model;
        try (Stream<Item> items = ds.items()) {
            model = SimModel.of(items::iterator, sim.params());
        }
        if (instability != null && !instability.isEmpty()) {
            model = model.withInstability(dev.tailgap.harness.sim.SimInstability.perBucket(ds.defaultBucketing(), instability));
        }
        SimServer server;
        try {
            server = SimServer.start(model, port, Math.max(1, threads));
            if (judgeAccuracy != null) {
                try (Stream<Item> items = ds.items()) {
                    server.withJudge(SimJudge.of(items::iterator, judgeAccuracy, sim.params().seed()));
                } catch (IllegalArgumentException e) {
                    server.close();
                    throw TailgapException.usage("--judge-accuracy: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw TailgapException.usage("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + " (pick another --port)");
        }
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tailgap-sim-stop"));
        spec.commandLine().getOut().println("serving the SYNTHETIC model '" + SimServer.MODEL_ID + "' ("
                + sim.params().describe() + ") for " + ds.manifest().id() + " (" + model.size() + " questions) at "
                + server.baseUrl() + (judgeAccuracy == null ? "" : ", with a synthetic judge of accuracy "
                + judgeAccuracy) + "; Ctrl-C stops");
        spec.commandLine().getOut().flush();
        forever.await();
        return 0;
    }
}
