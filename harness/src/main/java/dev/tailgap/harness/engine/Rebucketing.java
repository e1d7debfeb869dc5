package dev.tailgap.harness.engine;

import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.ItemSource;
import dev.tailgap.reports.Report;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved run's report under another bucketing scheme: edges computed from the whole dataset the run recorded (never
 * from the run's own items), each item put in the bucket its frequency falls in. Nothing in the run is changed.
 */
public final class Rebucketing {

    private Rebucketing() {
    }

    public static Report report(Path dir, ItemSource items, String scheme, String tool) {
        SavedRun saved = SavedRun.read(dir);
        Bucketing buckets = Rescorer.rebucket(RunSpecFile.read(dir).sampling().dataset(), scheme);
        Aggregator aggregator = new Aggregator(buckets);
        items.forEach(r -> {
            String b = buckets.buckets().get(buckets.assign(r.frequency())).name();
            aggregator.add(new ItemResult(r.id(), r.question(), r.answers(), r.concept(), r.relation(),
                    r.frequency(), b, r.rawAnswer(), r.extracted(), r.outcome(), r.error(), r.latencyMs(),
                    r.promptTokens(), r.completionTokens(), r.reason(), r.judge()).withRepeats(r.shots(), r.samples()));
        });
        Map<String, Object> settings = new LinkedHashMap<>(saved.settings());
        settings.put("bucketing", buckets.scheme());
        return aggregator.report(tool, saved.dataset(), settings, saved.minBucketSize());
    }
}
