package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.ModelAdapter;
import java.util.List;

/**
 * The harness side of a model: an adapter wrapped in an interceptor chain. The first interceptor is outermost.
 * Thread-safe when the adapter and interceptors are.
 */
public final class ModelClient implements ModelCall, AutoCloseable {
    private final ModelAdapter adapter;
    private final ModelCall chain;

    public ModelClient(ModelAdapter adapter, List<Interceptor> interceptors) {
        this.adapter = adapter;
        ModelCall call = adapter::complete;
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            Interceptor interceptor = interceptors.get(i);
            ModelCall next = call;
            call = request -> interceptor.intercept(request, next);
        }
        this.chain = call;
    }

    @Override
    public Completion call(CompletionRequest request) throws AdapterException {
        return chain.call(request);
    }

    /** Aborts requests in flight. */
    public void cancelAll() {
        adapter.cancelAll();
    }

    @Override
    public void close() {
        adapter.close();
    }
}
