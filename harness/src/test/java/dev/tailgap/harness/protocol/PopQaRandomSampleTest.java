package dev.tailgap.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.datasets.DatasetLoader;
import dev.tailgap.datasets.DatasetSource;
import dev.tailgap.datasets.Item;
import dev.tailgap.datasets.LoadOptions;
import dev.tailgap.datasets.PopQaImporter;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --protocol popqa} on PopQA's random sample ({@code ../shared/datasets/popqa}, in_random2000=true; skipped
 * when absent): every request over loopback carries PopQA's reference format, {@code Q: <question> A: <answer>} shots
 * joined by newlines before {@code Q: <question> A:}, 15 shots of 15 other relations (never the item), at most 15 new
 * tokens and a newline stop; every reply is cut at its first newline.
 */
class PopQaRandomSampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path shared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets/popqa/popqa_merged.tsv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void sendsPopQasFormatWithFifteenStratifiedShots() throws Exception {
        Path tsv = shared();
        assumeThat(tsv).as("shared PopQA data").isNotNull();
        Path data = tmp.resolve("popqa-random2000.jsonl");
        PopQaImporter.importFile(tsv, data, PopQaImporter.Options.defaults().withWhere("in_random2000=true")
                .withName("popqa-random2000"));
        Map<String, Item> byId = new HashMap<>();
        try (Stream<Item> items = DatasetLoader.load(DatasetSource.file(data), LoadOptions.strict()).items()) {
            items.forEach(i -> byId.put(i.id(), i));
        }
        assertThat(byId).hasSize(2000);
        assertThat(byId.values().stream().map(Item::relation).distinct()).hasSize(16);

        Map<String, JsonNode> bodies = new ConcurrentHashMap<>();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    if (!"POST".equals(r.getMethod())) {
                        return new MockResponse().setResponseCode(404); // the probe of /models and /props
                    }
                    try {
                        JsonNode body = JSON.readTree(r.getBody().readUtf8());
                        String prompt = body.at("/messages/0/content").asText();
                        bodies.put(prompt, body);
                    } catch (Exception e) {
                        return new MockResponse().setResponseCode(400);
                    }
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"choices\":"
                            + "[{\"message\":{\"content\":\" unsure\\nQ: next\"},\"finish_reason\":\"stop\"}]}");
                }
            });
            server.start();
            Protocol p = Protocols.named("popqa");
            RunSpec spec = RunSpec.builder().dataset(data.toString()).model("openai:m")
                    .target(t -> t.withBaseUrl(server.url("/v1").toString()).withOptions(Map.of("stream", "false")))
                    .generation(g -> g.withPrompt(p.template())
                            .withParams(new GenerationParams(0, p.maxTokens(), p.stop(), null))
                            .withPrompting(Prompting.of(p)))
                    .execution(e -> e.withConcurrency(8)).out(tmp.resolve("run")).build();
            RunResult r = new RunEngine(tmp, Progress.NONE, k -> null).run(spec);
            assertThat(r.exitCode()).isEqualTo(ExitCode.OK);

            int checked = 0;
            try (ItemLog.Reader log = ItemLog.read(r.dir().resolve("items.jsonl"))) {
                for (ItemResult item : log) {
                    Item asked = byId.get(item.id());
                    assertThat(item.shots()).as(item.id()).hasSize(15).doesNotContain(item.id());
                    Set<String> relations = new HashSet<>();
                    StringBuilder prompt = new StringBuilder();
                    for (String id : item.shots()) {
                        Item shot = byId.get(id);
                        relations.add(shot.relation());
                        prompt.append("Q: ").append(shot.question()).append(" A: ").append(shot.canonicalAnswer())
                                .append('\n');
                    }
                    assertThat(relations).as(item.id()).hasSize(15).doesNotContain(asked.relation());
                    String last = "Q: " + asked.question() + " A:";
                    prompt.append(last);
                    JsonNode body = bodies.get(prompt.toString());
                    assertThat(body).as("the request of %s, with its recorded shots", item.id()).isNotNull();
                    assertThat(body.get("messages")).hasSize(1);
                    assertThat(body.get("max_tokens").asInt()).isEqualTo(15);
                    assertThat(body.get("temperature").asDouble()).isZero();
                    assertThat(body.get("stop").toString()).isEqualTo("[\"\\n\"]");
                    assertThat(item.extracted()).isEqualTo("unsure");
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(2000);
            assertThat(bodies).hasSize(2000);
        }
    }
}
