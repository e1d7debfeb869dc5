package dev.tailgap.harness.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.harness.sim.SimParams;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runs index costs: registering a run of {@code -Dtailgap.bench.items} items (default 100,000: a 610-item run
 * of the synthetic model whose item log is repeated under new ids), from its item log (runs add, refresh) and from
 * the report it just wrote (a run ending), and listing an index of 200 runs when nothing
 * changed (the stat of each directory's files). Prints the median of five; asserts nothing about time. Runs only with
 * {@code -Dtailgap.bench=true}: {@code mvn -pl harness -am test -Dtest=IndexBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtailgap.bench=true}.
 */
class IndexBench {
    @TempDir
    Path tmp;

    @Test
    void registrationAndListing() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tailgap.bench"), "set -Dtailgap.bench=true to measure");
        int items = Integer.getInteger("tailgap.bench.items", 100_000);
        Path small = SeriesRuns.run(tmp.resolve("src"), "r", SimParams.DEFAULTS, 150, Map.of("series", "bench"));
        Path big = tmp.resolve("runs").resolve("big");
        Files.createDirectories(big);
        Files.copy(small.resolve("spec.json"), big.resolve("spec.json"));
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(small.resolve("items.jsonl"));
        try (BufferedWriter w = Files.newBufferedWriter(big.resolve("items.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < items; i++) {
                ObjectNode n = (ObjectNode) json.readTree(lines.get(i % lines.size()));
                n.put("id", n.get("id").asText() + "#" + i);
                w.write(json.writeValueAsString(n));
                w.write('\n');
            }
        }
        double register = median(() -> RunIndex.register(tmp.resolve("runs"), big));
        dev.tailgap.reports.Report report = dev.tailgap.harness.record.SavedRun.read(big).report(big, "bench");
        double registerWritten = median(() -> RunIndex.register(tmp.resolve("runs"), big, report));
        for (int i = 0; i < 200; i++) {
            Path d = tmp.resolve("runs").resolve("r" + i);
            Files.createDirectories(d);
            for (String f : List.of("spec.json", "items.jsonl", "report.json")) {
                Files.copy(small.resolve(f), d.resolve(f));
            }
        }
        try (RunIndex index = RunIndex.open(tmp.resolve("runs"))) {
            index.refresh();
            double list = median(() -> {
                index.refresh();
                index.all();
            });
            System.out.printf(Locale.ROOT, "register a %,d-item run: %.0f ms reading its item log, %.0f ms from the "
                    + "report it wrote; list 201 unchanged runs: %.0f ms%n", items, register, registerWritten, list);
        }
    }

    private static double median(Runnable r) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        ms.sort(null);
        return ms.get(2);
    }
}
