package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;

/** One step of the model client chain: turns a request into a completion or a classified failure. */
@FunctionalInterface
public interface ModelCall {
    Completion call(CompletionRequest request) throws AdapterException;
}
