package dev.tailgap.adapters.replay;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.ModelAdapter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Answers each request with what an earlier run recorded for the same item ({@link CompletionRequest#itemId()}),
 * whatever the prompt and parameters: for changing scoring without calling a model. An item the earlier run does not
 * have fails non-retryably ({@link FailureKind#NOT_FOUND}: the run stops); an item that ended in {@code ERROR} there
 * fails here too, as a retryable {@link FailureKind#SERVER_ERROR} with a zero wait, so the item is an {@code ERROR}
 * again without stopping the run.
 */
final class ReplayAdapter implements ModelAdapter {
    private final Map<String, ReplayLog.Recorded> answers;
    private final Path source;
    private volatile boolean closed;

    ReplayAdapter(Map<String, ReplayLog.Recorded> answers, Path source) {
        this.answers = Map.copyOf(answers);
        this.source = source;
    }

    @Override
    public Completion complete(CompletionRequest request) throws AdapterException {
        if (closed) {
            throw new AdapterException(FailureKind.CANCELLED, "replay of " + source + " is closed");
        }
        String id = request.itemId();
        if (id == null) {
            throw new AdapterException(FailureKind.BAD_REQUEST, "replay of " + source
                    + " got a request without an item id: it can only answer dataset items");
        }
        ReplayLog.Recorded r = answers.get(id);
        if (r == null) {
            throw new AdapterException(FailureKind.NOT_FOUND, "item " + id + " is not in the replayed run " + source
                    + " (replay the same dataset and sampling as that run)");
        }
        if (r.error() != null) {
            throw new AdapterException(FailureKind.SERVER_ERROR, "item " + id + " was an ERROR in the replayed run "
                    + source + ": " + r.error(), Duration.ZERO, null);
        }
        return new Completion(r.rawAnswer(), r.promptTokens(), r.completionTokens());
    }

    @Override
    public boolean cacheable() {
        return false;
    }

    @Override
    public void close() {
        closed = true;
    }
}
