package dev.tailgap.benchmarks;

import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.reports.DatasetRef;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A generated run: items, their log10 bucketing, results, and the report over them. Deterministic. */
final class Material {
    final List<Item> items;
    final Bucketing bucketing;
    final List<ItemResult> results;
    final DatasetRef dataset;
    final Map<String, Object> run;

    Material(int n) {
        items = Corpus.items(Corpus.Mix.MIXED, n, 11);
        double[] freqs = items.stream().mapToDouble(Item::frequency).toArray();
        bucketing = BucketScheme.parse("log10").apply(freqs);
        results = Corpus.results(items, f -> bucketing.buckets().get(bucketing.assign(f)).name(), 13);
        dataset = new DatasetRef("bench", "1.0.0", "0".repeat(64), n, "synthetic page views", "CC0-1.0");
        run = new LinkedHashMap<>();
        run.put("model", "openai:bench");
        run.put("endpoint", "http://127.0.0.1:8000/v1");
        run.put("scorer", "contains+abstain(v1)");
        run.put("bucketing", "log10");
        run.put("seed", 1234);
    }

    Aggregator aggregate() {
        Aggregator a = new Aggregator(bucketing);
        for (ItemResult r : results) {
            a.add(r);
        }
        return a;
    }

    Report report(Aggregator a) {
        return a.report("tailgap bench", dataset, run, 30);
    }
}
