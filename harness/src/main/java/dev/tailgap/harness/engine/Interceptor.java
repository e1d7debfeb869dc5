package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;

/**
 * Cross-cutting behaviour between the engine and an adapter (retries, rate limits, caching), as a chain: each
 * interceptor gets the request and the rest of the chain, and may call it zero or more times.
 */
@FunctionalInterface
public interface Interceptor {
    Completion intercept(CompletionRequest request, ModelCall next) throws AdapterException;
}
