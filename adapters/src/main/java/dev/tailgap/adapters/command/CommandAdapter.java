package dev.tailgap.adapters.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.Messages;
import dev.tailgap.adapters.ModelAdapter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Asks a model behind a command speaking JSON Lines: one request line in
 * ({@code {"prompt","system","model","temperature","max_tokens","stop","seed"}}), one reply line out
 * ({@code {"text","prompt_tokens"?,"completion_tokens"?}} or {@code {"error","retryable"?}}).
 *
 * <p>A pool of up to {@code processes} commands, started on demand, each serving one request at a time. A command that
 * dies, times out, is cancelled or replies with something other than one JSON object is killed: that request fails
 * (retryably, unless cancelled) and the next one starts a fresh process. {@code {"error": ...}} fails the request as
 * {@link FailureKind#SERVER_ERROR} (retryable) or, with {@code "retryable": false}, {@link FailureKind#BAD_REQUEST}.
 */
final class CommandAdapter implements ModelAdapter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> argv;
    private final String label;
    private final Duration timeout;
    private final StderrLog stderr;
    private final Semaphore slots;
    private final Deque<CommandProcess> idle = new ArrayDeque<>();
    private final Set<CommandProcess> busy = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    CommandAdapter(List<String> argv, String label, int processes, Duration timeout, StderrLog stderr,
                   CommandProcess first) {
        this.argv = List.copyOf(argv);
        this.label = label;
        this.timeout = timeout;
        this.stderr = stderr;
        this.slots = new Semaphore(processes, true);
        idle.add(first);
    }

    @Override
    public Completion complete(CompletionRequest request) throws AdapterException {
        String line = requestLine(request);
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException(FailureKind.CANCELLED, "cancelled: command '" + label + "'");
        }
        CommandProcess p = null;
        boolean reusable = false;
        try {
            p = take();
            String reply = p.exchange(line, timeout);
            Completion c = parse(reply);
            reusable = true;
            return c;
        } catch (ReplyError e) {
            reusable = true;
            throw e.failure;
        } finally {
            if (p != null) {
                release(p, reusable);
            }
            slots.release();
        }
    }

    @Override
    public void cancelAll() {
        busy.forEach(CommandProcess::cancel);
    }

    @Override
    public void close() {
        closed = true;
        cancelAll();
        List<CommandProcess> left;
        synchronized (idle) {
            left = List.copyOf(idle);
            idle.clear();
        }
        left.forEach(CommandProcess::close);
        stderr.close();
    }

    /** An idle live process, or a new one. */
    private CommandProcess take() throws AdapterException {
        if (closed) {
            throw new AdapterException(FailureKind.CANCELLED, "command adapter '" + label + "' is closed");
        }
        CommandProcess p;
        synchronized (idle) {
            p = idle.pollFirst();
        }
        if (p != null && !p.alive()) {
            p.kill();
            p = null;
        }
        if (p == null) {
            try {
                p = CommandProcess.start(argv, label, stderr);
            } catch (IOException e) {
                throw new AdapterException(FailureKind.CONNECTION, "cannot start command '" + label + "': "
                        + e.getMessage(), null, e);
            }
        }
        busy.add(p);
        return p;
    }

    private void release(CommandProcess p, boolean reusable) {
        busy.remove(p);
        if (reusable && p.alive() && !closed) {
            synchronized (idle) {
                idle.addFirst(p);
            }
        } else {
            p.kill();
        }
    }

    static String requestLine(CompletionRequest r) {
        GenerationParams params = r.params();
        ObjectNode o = JSON.createObjectNode();
        o.put("prompt", r.prompt());
        o.put("system", r.system());
        o.put("model", r.model());
        o.put("temperature", params.temperature());
        o.put("max_tokens", params.maxTokens());
        ArrayNode stop = o.putArray("stop");
        params.stop().forEach(stop::add);
        o.put("seed", params.seed());
        return o.toString();
    }

    private Completion parse(String line) throws AdapterException, ReplyError {
        JsonNode reply;
        try {
            reply = JSON.readTree(line);
        } catch (IOException e) {
            reply = null;
        }
        if (reply == null || !reply.isObject()) {
            throw malformed("reply line is not a JSON object: " + Messages.snippet(line));
        }
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            boolean retryable = reply.path("retryable").asBoolean(true);
            String what = error.isTextual() ? error.asText() : error.toString();
            throw new ReplyError(new AdapterException(retryable ? FailureKind.SERVER_ERROR : FailureKind.BAD_REQUEST,
                    "command '" + label + "' replied with an error: " + Messages.snippet(what)));
        }
        JsonNode text = reply.get("text");
        if (text == null || !text.isTextual()) {
            throw malformed("no \"text\" string in reply line: " + Messages.snippet(line));
        }
        return new Completion(text.asText(), tokens(reply, "prompt_tokens"), tokens(reply, "completion_tokens"));
    }

    private static int tokens(JsonNode reply, String field) {
        JsonNode n = reply.get(field);
        return n != null && n.canConvertToInt() ? n.asInt() : Completion.UNKNOWN;
    }

    private AdapterException malformed(String what) {
        return new AdapterException(FailureKind.MALFORMED, "malformed reply from command '" + label + "': " + what);
    }

    /** A well-formed {@code {"error"}} reply: the request fails, the process stays in step and is kept. */
    private static final class ReplyError extends Exception {
        final AdapterException failure;

        ReplyError(AdapterException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
