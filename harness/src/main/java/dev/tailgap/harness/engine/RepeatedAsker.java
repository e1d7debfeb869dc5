package dev.tailgap.harness.engine;

import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.protocol.Prompter;
import dev.tailgap.harness.protocol.Prompting;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.SampleAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks one item as the run's {@link Prompting} says: renders its prompt and shots once ({@link Prompter}), asks it
 * {@code samples} times (sample {@code k} with the generation seed plus {@code k} when a seed is set, so the samples
 * differ yet a rerun repeats them; each sample its own cache entry), and returns the first sample's result carrying
 * the shot ids and, for K &gt; 1, every sample's answer. A cancelled sample leaves the whole item unasked.
 */
final class RepeatedAsker {
    private final ItemAsker asker;
    private final Prompter prompter;
    private final Prompting prompting;
    private final String system;
    private final GenerationParams params;

    RepeatedAsker(ItemAsker asker, Prompter prompter, Prompting prompting, String system, GenerationParams params) {
        this.asker = asker;
        this.prompter = prompter;
        this.prompting = prompting;
        this.system = system;
        this.params = params;
    }

    /** The item's result, or {@code null} when a request was cancelled. */
    ItemResult ask(Item item, String bucket, EndpointGuard guard) {
        Prompter.Prompt p = prompter.prompt(item);
        ItemResult first = asker.ask(item, bucket, guard, request(p, item, 0), prompting.extraction());
        if (first == null || prompting.samples() == 1) {
            return first == null || p.shotIds().isEmpty() ? first : first.withRepeats(p.shotIds(), List.of());
        }
        List<SampleAnswer> all = new ArrayList<>(prompting.samples());
        all.add(sample(first));
        for (int k = 1; k < prompting.samples(); k++) {
            ItemResult r = asker.ask(item, bucket, guard, request(p, item, k), prompting.extraction());
            if (r == null) {
                return null;
            }
            all.add(sample(r));
        }
        return first.withRepeats(p.shotIds(), all);
    }

    private CompletionRequest request(Prompter.Prompt p, Item item, int sample) {
        GenerationParams g = sample == 0 || params.seed() == null ? params
                : new GenerationParams(params.temperature(), params.maxTokens(), params.stop(), params.seed() + sample);
        return new CompletionRequest(asker.model(), p.text(), system, g, item.id(), p.turns(), sample);
    }

    private static SampleAnswer sample(ItemResult r) {
        return new SampleAnswer(r.rawAnswer(), r.extracted(), r.outcome(), r.error());
    }
}
