package dev.tailgap.maven;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loopback URL whose model is swapped between two runs, as a deployment behind a fixed address is: it forwards
 * to a synthetic model that knows the tail until the second run starts (its second {@code GET /v1/models} probe),
 * then to one whose knowledge curve is shifted towards the head. Counts the model requests each model answered. Used
 * by the invoker integration test {@code model-swap-fails}, whose hook scripts start and stop it.
 */
public final class SwappableEndpoint implements AutoCloseable {
    private static volatile SwappableEndpoint current;

    private final SimServer before;
    private final SimServer after;
    private final HttpServer front;
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicInteger[] asked = {new AtomicInteger(), new AtomicInteger()};

    private SwappableEndpoint(SimServer before, SimServer after, HttpServer front) {
        this.before = before;
        this.after = after;
        this.front = front;
    }

    /** Starts the endpoint (and remembers it for {@link #current()}). */
    public static SwappableEndpoint start() throws IOException {
        List<dev.tailgap.datasets.Item> items = DatasetFiles.items(DatasetFiles.load("world-cities", false));
        SimServer good = SimServer.start(SimModel.of(items, new SimParams(3.0, 1.5, 0.02, 0.95, 0.6, 7, 0)), 0, 4);
        SimServer worse = SimServer.start(SimModel.of(items, new SimParams(5.5, 1.5, 0.02, 0.95, 0.6, 7, 0)), 0, 4);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SwappableEndpoint e = new SwappableEndpoint(good, worse, http);
        http.createContext("/", e::forward);
        http.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "swappable-endpoint");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        current = e;
        return e;
    }

    public static SwappableEndpoint current() {
        return current;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + front.getAddress().getPort() + "/v1";
    }

    /** Model requests the first model answered (0) and the swapped-in one (1). */
    public int asked(int model) {
        return asked[model].get();
    }

    private void forward(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if ("GET".equals(ex.getRequestMethod()) && path.equals("/v1/models")) {
            probes.incrementAndGet();
        }
        int model = probes.get() >= 2 ? 1 : 0;
        if ("POST".equals(ex.getRequestMethod())) {
            asked[model].incrementAndGet();
        }
        SimServer target = model == 0 ? before : after;
        HttpURLConnection c = (HttpURLConnection) new URL(target.baseUrl().replaceAll("/v1/?$", "") + path)
                .openConnection();
        c.setRequestMethod(ex.getRequestMethod());
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length > 0) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream o = c.getOutputStream()) {
                o.write(body);
            }
        }
        int code = c.getResponseCode();
        byte[] reply;
        try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
            reply = in == null ? new byte[0] : in.readAllBytes();
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, reply.length == 0 ? -1 : reply.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(reply);
        }
    }

    @Override
    public void close() {
        front.stop(0);
        before.close();
        after.close();
    }
}
