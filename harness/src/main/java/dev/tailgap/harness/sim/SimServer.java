package dev.tailgap.harness.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The synthetic reference model served as a real OpenAI-compatible HTTP server on loopback:
 * {@code POST /v1/chat/completions}, {@code POST /v1/completions}, {@code GET /v1/models}, {@code GET /health} and
 * {@code GET /stats} (requests served), and {@code GET /truth}: one JSON line per item the model learned,
 * {@code {"id": ..., "decision": "KNOWS"|"HALLUCINATES"|"ABSTAINS", "answer": ...}}, what it answers to that item's
 * question and what that is for the item ({@link SimModel#truth(dev.tailgap.datasets.Item)}), for tests. Replies carry
 * a {@code system_fingerprint} of {@code tailgap-synthetic-} and a digest of the parameters that change answers
 * ({@link #fingerprint}), and the model list names the model {@value #MODEL_ID}: nobody should mistake it for a real
 * model. An unstable item ({@link SimModel#withInstability}) answers by the request's {@code seed}, or without one by
 * how many times its prompt was asked before. Honours {@code max_tokens} (whitespace tokens; a reply cut by it says {@code "finish_reason": "length"}) and
 * {@code stop}. Binds 127.0.0.1 only. A {@link Listener} hears of every model request as it
 * arrives (before the reply), with the key it carried: enough to count who asked what.
 */
public final class SimServer implements AutoCloseable {
    public static final String MODEL_ID = "synthetic-reference";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Wall-clock milliseconds of the first model request and of the last reply since the start or the last
     * {@code POST /stats/reset}, both in {@code GET /stats}: the span a benchmark kept the endpoint busy.
     */
    private final AtomicLong firstRequestMs = new AtomicLong();
    private final AtomicLong lastReplyMs = new AtomicLong();
    private final SimModel model;
    private final HttpServer server;
    private final ExecutorService pool;
    private final AtomicLong requests = new AtomicLong();
    /** How often each prompt was asked without a seed: the variant of an unstable answer. */
    private final java.util.concurrent.ConcurrentHashMap<String, Long> asked = new java.util.concurrent.ConcurrentHashMap<>();
    private final Listener listener;
    private volatile SimJudge judge;

    /** Hears of each model request: the bearer key it carried ({@code null} for none) and its prompt. */
    @FunctionalInterface
    public interface Listener {
        void asked(String apiKey, String prompt);
    }

    private SimServer(SimModel model, HttpServer server, ExecutorService pool, Listener listener) {
        this.model = model;
        this.server = server;
        this.pool = pool;
        this.listener = listener;
    }

    /** Starts serving on 127.0.0.1:{@code port} ({@code 0} picks a free port) with up to {@code threads} in flight. */
    public static SimServer start(SimModel model, int port, int threads) throws IOException {
        return start(model, port, threads, (key, prompt) -> { });
    }

    /** As {@link #start(SimModel, int, int)}, telling {@code listener} of every model request. */
    public static SimServer start(SimModel model, int port, int threads, Listener listener) throws IOException {
        // without TCP_NODELAY small replies wait for the client's delayed ACK (~40 ms each)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tailgap-sim");
            t.setDaemon(true);
            return t;
        });
        SimServer s = new SimServer(model, http, pool, listener);
        http.createContext("/", s::handle);
        http.setExecutor(pool);
        http.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The OpenAI-compatible base URL, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Also answers judge prompts ({@link SimJudge#isJudgePrompt}) with {@code judge}; returns this server. */
    public SimServer withJudge(SimJudge judge) {
        this.judge = judge;
        return this;
    }

    /** Model requests served so far. */
    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if ("GET".equals(method) && ("/health".equals(path) || "/v1/health".equals(path))) {
                send(ex, 200, JSON.createObjectNode().put("status", "ok"));
            } else if ("GET".equals(method) && "/v1/models".equals(path)) {
                ObjectNode body = JSON.createObjectNode().put("object", "list");
                body.putArray("data").addObject().put("id", MODEL_ID).put("object", "model")
                        .put("owned_by", "tailgap-synthetic");
                send(ex, 200, body);
            } else if ("GET".equals(method) && "/truth".equals(path)) {
                truth(ex);
            } else if ("GET".equals(method) && "/stats".equals(path)) {
                send(ex, 200, JSON.createObjectNode().put("requests", requests.get())
                        .put("firstRequestMs", firstRequestMs.get()).put("lastReplyMs", lastReplyMs.get()));
            } else if ("POST".equals(method) && "/stats/reset".equals(path)) {
                requests.set(0);
                firstRequestMs.set(0);
                lastReplyMs.set(0);
                send(ex, 200, JSON.createObjectNode().put("requests", 0));
            } else if ("POST".equals(method) && ("/v1/chat/completions".equals(path)
                    || "/v1/completions".equals(path))) {
                complete(ex, path.endsWith("chat/completions"));
            } else {
                send(ex, 404, error("no route for " + method + " " + path));
            }
        }
    }

    private void truth(HttpExchange ex) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (SimModel.Truth t : model.truth()) {
            ObjectNode line = JSON.createObjectNode().put("id", t.id()).put("decision", t.decision().name())
                    .put("answer", t.answer());
            sb.append(JSON.writeValueAsString(line)).append('\n');
        }
        byte[] body = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/x-ndjson; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (java.io.OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void complete(HttpExchange ex, boolean chat) throws IOException {
        firstRequestMs.compareAndSet(0, System.currentTimeMillis());
        JsonNode req;
        try (InputStream in = ex.getRequestBody()) {
            req = JSON.readTree(in);
        } catch (IOException e) {
            send(ex, 400, error("request body is not JSON"));
            return;
        }
        String prompt;
        if (chat) {
            JsonNode messages = req == null ? null : req.get("messages");
            if (messages == null || !messages.isArray() || messages.isEmpty()) {
                send(ex, 400, error("'messages' must be a non-empty array"));
                return;
            }
            prompt = messages.get(messages.size() - 1).path("content").asText("");
        } else {
            if (req == null || !req.path("prompt").isTextual()) {
                send(ex, 400, error("'prompt' must be a string"));
                return;
            }
            prompt = req.get("prompt").asText();
        }
        requests.incrementAndGet();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        listener.asked(auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null, prompt);
        long latency = model.params().latencyMs();
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        SimJudge j = judge;
        String full = j != null && SimJudge.isJudgePrompt(prompt) ? j.reply(prompt)
                : model.answer(prompt, req.path("seed").canConvertToLong() ? req.get("seed").asLong()
                : asked.merge(prompt, 1L, Long::sum) - 1);
        int maxTokens = req.path("max_tokens").asInt(Integer.MAX_VALUE);
        String text = limit(full, maxTokens, req.get("stop"));
        boolean cut = maxTokens > 0 && words(limit(full, Integer.MAX_VALUE, req.get("stop"))) > maxTokens;
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "sim-" + requests.get());
        body.put("object", chat ? "chat.completion" : "text_completion");
        body.put("created", 0);
        body.put("model", req.path("model").asText(MODEL_ID));
        body.put("system_fingerprint", fingerprint(model.params()));
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        if (chat) {
            choice.putObject("message").put("role", "assistant").put("content", text);
        } else {
            choice.put("text", text);
        }
        choice.put("finish_reason", cut ? "length" : "stop");
        int promptTokens = words(prompt);
        int completionTokens = words(text);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        send(ex, 200, body);
        lastReplyMs.accumulateAndGet(System.currentTimeMillis(), Math::max);
    }

    /**
     * {@code tailgap-synthetic-} and a digest of every parameter that changes answers (not the latency): a model with
     * another knowledge curve is another served model, as a real deployment's fingerprint says.
     */
    static String fingerprint(SimParams p) {
        String behaviour = p.midpoint() + "|" + p.steepness() + "|" + p.floor() + "|" + p.ceiling() + "|"
                + p.hallucinationShare() + "|" + p.seed();
        try {
            return "tailgap-synthetic-" + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                    .getInstance("SHA-256").digest(behaviour.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .substring(0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String limit(String text, int maxTokens, JsonNode stop) {
        String t = text;
        if (stop != null) {
            for (JsonNode s : stop.isArray() ? stop : JSON.createArrayNode().add(stop)) {
                int i = s.isTextual() && !s.asText().isEmpty() ? t.indexOf(s.asText()) : -1;
                if (i >= 0) {
                    t = t.substring(0, i);
                }
            }
        }
        if (maxTokens > 0 && words(t) > maxTokens) {
            StringBuilder b = new StringBuilder(t.length());
            int n = 0;
            for (int i = 0; n < maxTokens; n++) {
                while (space(t.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < t.length() && !space(t.charAt(i))) {
                    i++;
                }
                b.append(n == 0 ? "" : " ").append(t, start, i);
            }
            t = b.toString();
        }
        return t;
    }

    /** Whitespace-separated tokens in {@code s}. */
    private static int words(String s) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean sp = space(s.charAt(i));
            if (!sp && !inWord) {
                n++;
            }
            inWord = !sp;
        }
        return n;
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static ObjectNode error(String message) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("error").put("message", message).put("type", "invalid_request_error");
        return n;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
