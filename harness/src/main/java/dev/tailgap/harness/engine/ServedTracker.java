package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.EndpointInfo;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Learns the run's {@link ServedIdentity} from the endpoint's probe and its first live reply. Sits in the chain inside
 * the response cache, so it sees only live replies. Until the identity is known the cache serves nothing. Thread-safe.
 */
final class ServedTracker implements Interceptor {
    private final EndpointInfo probe;
    private final AtomicReference<ServedIdentity> identity = new AtomicReference<>();

    ServedTracker(EndpointInfo probe) {
        this.probe = probe;
    }

    @Override
    public Completion intercept(CompletionRequest request, ModelCall next) throws AdapterException {
        Completion c = next.call(request);
        if (identity.get() == null) {
            identity.compareAndSet(null, ServedIdentity.of(probe, c, request.model()));
        }
        return c;
    }

    /** The identity learned so far, or {@code null} before the first live reply. */
    ServedIdentity identity() {
        return identity.get();
    }
}
