package bench;

import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * One JVM client alone against ../shared/bench/fast_openai.mjs: N chat-completion POSTs from C threads (each thread
 * sends its next request when its reply is read), so the process's CPU time is the client's cost per request.
 * Usage: java -cp ... bench.HttpClients okhttp|hc5|jdk|jetty|raw|tailgap URL N C
 */
public class HttpClients {
    static byte[] body(int i) {
        return ("{\"model\":\"fast-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Question: What is the capital of country number "
                + i + "? Answer:\"}],\"max_tokens\":32,\"temperature\":0}").getBytes(StandardCharsets.UTF_8);
    }
    interface Client { byte[] post(byte[] b) throws Exception; default void close() throws Exception {} }

    public static void main(String[] a) throws Exception {
        String kind = a[0]; String url = a[1]; int n = Integer.parseInt(a[2]); int c = Integer.parseInt(a[3]);
        Client cl = switch (kind) {
            case "okhttp" -> okhttp(url, c);
            case "hc5" -> hc5(url, c);
            case "jdk" -> jdk(url, c);
            case "jetty" -> jetty(url, c);
            case "raw" -> raw(url, c);
            case "tailgap" -> tailgap(url, c);
            default -> throw new IllegalArgumentException(kind);
        };
        AtomicInteger next = new AtomicInteger(); AtomicLong bytes = new AtomicLong();
        Thread[] ts = new Thread[c];
        long t0 = System.nanoTime();
        for (int t = 0; t < c; t++) {
            ts[t] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    try { bytes.addAndGet(cl.post(body(i)).length); } catch (Exception e) { throw new RuntimeException(e); }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        System.out.printf("%s %d req in %.2f s, %d bytes%n", kind, n, (System.nanoTime() - t0) / 1e9, bytes.get());
        cl.close();
        System.exit(0);
    }

    static Client okhttp(String url, int c) {
        okhttp3.Dispatcher d = new okhttp3.Dispatcher(); d.setMaxRequests(c); d.setMaxRequestsPerHost(c);
        okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder().dispatcher(d)
            .connectionPool(new okhttp3.ConnectionPool(c, 5, TimeUnit.MINUTES)).retryOnConnectionFailure(false)
            .readTimeout(java.time.Duration.ZERO).writeTimeout(java.time.Duration.ZERO).callTimeout(java.time.Duration.ofSeconds(60))
            .connectionSpecs(java.util.List.of(okhttp3.ConnectionSpec.CLEARTEXT)).build();
        okhttp3.MediaType json = okhttp3.MediaType.get("application/json");
        okhttp3.HttpUrl u = okhttp3.HttpUrl.get(url);
        return b -> { try (okhttp3.Response r = client.newCall(new okhttp3.Request.Builder().url(u).post(okhttp3.RequestBody.create(b, json)).build()).execute()) { return r.body().bytes(); } };
    }

    static Client hc5(String url, int c) {
        var cm = org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(c).setMaxConnPerRoute(c).build();
        var client = org.apache.hc.client5.http.impl.classic.HttpClients.custom().setConnectionManager(cm)
            .disableAutomaticRetries().disableCookieManagement().disableRedirectHandling().disableAuthCaching().disableContentCompression().build();
        URI u = URI.create(url);
        return new Client() {
            public byte[] post(byte[] b) throws Exception {
                var req = new org.apache.hc.client5.http.classic.methods.HttpPost(u);
                req.setEntity(new org.apache.hc.core5.http.io.entity.ByteArrayEntity(b, org.apache.hc.core5.http.ContentType.APPLICATION_JSON));
                return client.execute(req, resp -> org.apache.hc.core5.http.io.entity.EntityUtils.toByteArray(resp.getEntity()));
            }
            public void close() throws Exception { client.close(); }
        };
    }

    static Client jdk(String url, int c) {
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        URI u = URI.create(url);
        return b -> client.send(java.net.http.HttpRequest.newBuilder(u).header("content-type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(b)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    static Client jetty(String url, int c) throws Exception {
        var client = new org.eclipse.jetty.client.HttpClient();
        client.setMaxConnectionsPerDestination(c);
        client.setFollowRedirects(false);
        client.start();
        return new Client() {
            public byte[] post(byte[] b) throws Exception {
                return client.POST(url).body(new org.eclipse.jetty.client.BytesRequestContent("application/json", b)).send().getContent();
            }
            public void close() throws Exception { client.stop(); }
        };
    }

    // tailgap's own OpenAI adapter over its plain-HTTP transport (the shaded CLI jar on the class path): payload
    // encoding and reply decoding included, which the other clients here do not do
    static Client tailgap(String url, int c) throws Exception {
        String base = url.substring(0, url.indexOf("/chat/completions"));
        var adapter = new dev.tailgap.adapters.openai.OpenAiProvider().create(new dev.tailgap.adapters.AdapterConfig(
            "fast-model", base, null, java.util.Map.of("stream", "false"), java.time.Duration.ofSeconds(60), c, null));
        AtomicInteger n = new AtomicInteger();
        return b -> adapter.complete(new dev.tailgap.adapters.CompletionRequest("fast-model",
            "Question: What is the capital of country number " + n.incrementAndGet() + "? Answer:", null,
            dev.tailgap.adapters.GenerationParams.DEFAULTS)).text().getBytes(StandardCharsets.UTF_8);
    }

    // a minimal keep-alive HTTP/1.1 client: a pool of sockets, content-length bodies only (the lower bound for the JVM)
    static Client raw(String url, int c) {
        URI u = URI.create(url);
        LinkedBlockingDeque<Socket> pool = new LinkedBlockingDeque<>();
        byte[] head = ("POST " + u.getPath() + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
        return b -> {
            Socket s = pool.pollFirst();
            if (s == null) { s = new Socket(u.getHost(), u.getPort()); s.setTcpNoDelay(true); }
            var out = new ByteArrayOutputStream(512);
            out.write(head); out.write(Integer.toString(b.length).getBytes()); out.write("\r\n\r\n".getBytes()); out.write(b);
            s.getOutputStream().write(out.toByteArray());
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192]; int len = 0; int hdrEnd = -1; int cl = -1;
            while (true) {
                int r = in.read(buf, len, buf.length - len); if (r < 0) throw new EOFException(); len += r;
                if (hdrEnd < 0) {
                    for (int i = 3; i < len; i++) if (buf[i] == '\n' && buf[i-1] == '\r' && buf[i-2] == '\n' && buf[i-3] == '\r') { hdrEnd = i + 1; break; }
                    if (hdrEnd >= 0) {
                        String h = new String(buf, 0, hdrEnd, StandardCharsets.US_ASCII).toLowerCase();
                        int k = h.indexOf("content-length:"); int e = h.indexOf('\r', k);
                        cl = Integer.parseInt(h.substring(k + 15, e).trim());
                    }
                }
                if (hdrEnd >= 0 && len >= hdrEnd + cl) break;
            }
            pool.offerFirst(s);
            return java.util.Arrays.copyOfRange(buf, hdrEnd, hdrEnd + cl);
        };
    }
}
