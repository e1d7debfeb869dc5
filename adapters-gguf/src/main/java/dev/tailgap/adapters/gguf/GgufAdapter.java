package dev.tailgap.adapters.gguf;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.Pair;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A GGUF model loaded in this process through llama.cpp. Generation is token by token, one request at a time (others
 * wait their turn; the timeout counts from when a request's turn comes), so {@link #cancelAll()} and the timeout take
 * effect at the next token. Sends the system message before the prompt, or, with {@code chat}, both through the
 * model's chat template. Greedy at temperature 0; the seed, when set, is used modulo 2^32. Every prompt is evaluated
 * from scratch (llama.cpp's prompt cache is off): reusing a cached prefix changes the arithmetic slightly, and with it
 * near-tied tokens, so the same request would not always get the same answer.
 *
 * <p>Token counts: the prompt's are the model tokenizer's count of the prompt text (without special tokens such as
 * BOS); the completion's are the tokens generated, stop-sequence tokens included.
 */
final class GgufAdapter implements ModelAdapter {
    private final LlamaModel model;
    private final Path path;
    private final boolean chat;
    private final Duration timeout;
    private final ReentrantLock turn = new ReentrantLock(true);
    private final AtomicLong cancellations = new AtomicLong();
    private volatile boolean closed;
    /** Runs after each generated token; lets tests hold a request in flight. */
    volatile Runnable afterToken = () -> { };

    GgufAdapter(LlamaModel model, Path path, boolean chat, Duration timeout) {
        this.model = model;
        this.path = path;
        this.chat = chat;
        this.timeout = timeout;
    }

    @Override
    public Completion complete(CompletionRequest request) throws AdapterException {
        long epoch = cancellations.get();
        try {
            turn.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
        try {
            if (closed || cancellations.get() != epoch) {
                throw cancelled();
            }
            return generate(request, epoch);
        } finally {
            turn.unlock();
        }
    }

    /** The file's absolute path, size and modification time: a swapped file is another model. */
    @Override
    public dev.tailgap.adapters.EndpointInfo probe() {
        java.util.Map<String, String> facts = new java.util.TreeMap<>();
        facts.put("gguf.path", path.toAbsolutePath().normalize().toString());
        try {
            facts.put("gguf.size", Long.toString(java.nio.file.Files.size(path)));
            facts.put("gguf.modified", java.nio.file.Files.getLastModifiedTime(path).toString());
        } catch (java.io.IOException e) {
            // the path alone then
        }
        return new dev.tailgap.adapters.EndpointInfo(facts, 1);
    }

    private Completion generate(CompletionRequest request, long epoch) throws AdapterException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InferenceParameters params = parameters(request);
        try {
            String prompt = chat ? model.applyTemplate(params) : request.promptWithSystem();
            int promptTokens = model.encode(prompt).length;
            StringBuilder text = new StringBuilder();
            int outputs = 0;
            String last = "";
            LlamaIterator it = model.generate(params).iterator();
            while (it.hasNext()) {
                LlamaOutput o = it.next();
                outputs++;
                last = o.text;
                text.append(o.text);
                afterToken.run();
                if (cancellations.get() != epoch) {
                    stop(it);
                    throw cancelled();
                }
                if (it.hasNext() && System.nanoTime() - deadline > 0) {
                    stop(it);
                    throw new AdapterException(FailureKind.TIMEOUT, "gguf model " + path + " did not finish within "
                            + timeout.toMillis() / 1000.0 + " s");
                }
            }
            int generated = last.isEmpty() ? Math.max(0, outputs - 1) : outputs; // the last output marks the end
            return new Completion(text.toString(), promptTokens, generated)
                    .withFinish(generated >= request.params().maxTokens() ? Completion.LENGTH : Completion.STOP)
                    .withServed(path.getFileName().toString(), null);
        } catch (RuntimeException e) {
            throw new AdapterException(FailureKind.BAD_REQUEST, "gguf model " + path + " failed: " + e.getMessage(),
                    null, e);
        }
    }

    private InferenceParameters parameters(CompletionRequest request) {
        GenerationParams p = request.params();
        InferenceParameters params = new InferenceParameters(chat ? "" : request.promptWithSystem())
                .setNPredict(p.maxTokens())
                .setTemperature((float) p.temperature())
                .setCachePrompt(false);
        if (chat) {
            params.setMessages(request.system() == null || request.system().isEmpty() ? null : request.system(),
                    List.of(new Pair<>("user", request.prompt()))).setUseChatTemplate(true);
        }
        if (!p.stop().isEmpty()) {
            params.setStopStrings(p.stop().toArray(String[]::new));
        }
        if (p.seed() != null) {
            params.setSeed((int) p.seed().longValue());
        }
        return params;
    }

    private static void stop(LlamaIterator it) {
        try {
            it.cancel();
        } catch (RuntimeException ignored) {
            // the task is over already
        }
    }

    private AdapterException cancelled() {
        return new AdapterException(FailureKind.CANCELLED, "cancelled: gguf model " + path);
    }

    @Override
    public void cancelAll() {
        cancellations.incrementAndGet();
    }

    /**
     * Stops generation and frees the model. llama.cpp may keep a native non-daemon thread after this; the CLI exits
     * with {@link System#exit}, so it cannot keep a run from ending.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelAll();
        turn.lock();
        try {
            model.close();
        } finally {
            turn.unlock();
        }
    }
}
