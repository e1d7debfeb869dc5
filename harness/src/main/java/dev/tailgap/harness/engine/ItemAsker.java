package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.protocol.Extraction;
import dev.tailgap.harness.scoring.Scorer;
import dev.tailgap.harness.scoring.ScorerSetup;
import dev.tailgap.harness.scoring.ScoringItem;
import dev.tailgap.harness.scoring.Verdict;
import dev.tailgap.harness.scoring.ThinkBlocks;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.util.concurrent.TimeUnit;

/**
 * Asks one request of an item and turns the reply into its {@link ItemResult}: calls the client chain, keeps
 * reasoning apart from the answer (the endpoint's own reasoning field, or a leading {@code <think>} block), scores the
 * answer only, and records what the reply said (finish reason, served model, fingerprint, time to first token,
 * whether the cache answered). A failure after retries is an ERROR result; a cancelled request is no result.
 */
final class ItemAsker {
    private final ModelCall client;
    private final String model;
    private final Scorer scorer;
    private final int attempt;
    private final CacheInterceptor cache;

    ItemAsker(ModelCall client, String model, Scorer scorer, int attempt, CacheInterceptor cache) {
        this.client = client;
        this.model = model;
        this.scorer = scorer;
        this.attempt = attempt;
        this.cache = cache;
    }

    /** The model this asker's requests name. */
    String model() {
        return model;
    }

    /**
     * The item's result for {@code request}, the reply cut by {@code extraction} before scoring, or {@code null} when
     * the request was cancelled (the item stays unasked).
     */
    ItemResult ask(Item item, String bucket, EndpointGuard guard, CompletionRequest request, Extraction extraction) {
        long start = System.nanoTime();
        try {
            Completion c = client.call(request);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            boolean cached = cache != null && cache.answeredLastCallOnThisThread();
            ThinkBlocks.Split split = ThinkBlocks.split(c.text());
            String reasoning = c.reasoning() != null ? c.reasoning() : split.reasoning();
            Verdict v = ScorerSetup.score(scorer, ScoringItem.of(item), extraction.apply(split.answer()));
            return new ItemResult(item.id(), item.question(), item.answers(), item.concept(), item.relation(),
                    item.frequency(), bucket, c.text(), v.extracted(), v.outcome(),
                    v.outcome() == Outcome.ERROR ? v.reason() : null, ms, c.promptTokens(), c.completionTokens(),
                    c.finishReason(), reasoning, c.servedModel(), c.fingerprint(), c.firstTokenMs(), cached, attempt,
                    v.reason(), v.judge());
        } catch (AdapterException e) {
            if (e.kind() == FailureKind.CANCELLED || e.kind() == FailureKind.ENDPOINT_DOWN && guard.stopped()) {
                return null;
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            guard.itemFailed(e);
            return new ItemResult(item.id(), item.question(), item.answers(), item.concept(), item.relation(),
                    item.frequency(), bucket, null, null, Outcome.ERROR, e.getMessage(), ms, -1, -1, null, null,
                    null, null, -1, false, attempt, null, null);
        }
    }
}
