package dev.tailgap.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each protocol's exact request bodies, as an OpenAI-compatible server on loopback receives them, for a small dataset
 * of four relations: the prompt text with its shots, the turns, max tokens, stop, the seeds of repeated samples, and the
 * shots recorded per item.
 */
class ProtocolRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private MockWebServer server;
    /** Request bodies by the last user message. */
    private final Map<String, List<String>> bodies = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String body = r.getBody().readUtf8();
                try {
                    JsonNode messages = JSON.readTree(body).get("messages");
                    String last = messages.get(messages.size() - 1).get("content").asText();
                    bodies.computeIfAbsent(last, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add(body);
                } catch (Exception e) {
                    return new MockResponse().setResponseCode(400);
                }
                return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"choices\":[{"
                        + "\"message\":{\"content\":\"Paris\\nand more\"},\"finish_reason\":\"stop\"}]}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private Path dataset() throws Exception {
        String[][] rows = {
            {"c1", "In what country is Lyon?", "France", "Lyon", "900", "country"},
            {"c2", "In what country is Porto?", "Portugal", "Porto", "800", "country"},
            {"o1", "What is Ada Lovelace's occupation?", "mathematician", "Ada Lovelace", "700", "occupation"},
            {"o2", "What is Miles Davis's occupation?", "musician", "Miles Davis", "600", "occupation"},
            {"g1", "What genre is Dune?", "science fiction", "Dune", "500", "genre"},
            {"g2", "What genre is Emma?", "novel", "Emma", "400", "genre"},
            {"a1", "Who is the author of Emma?", "Jane Austen", "Emma", "300", "author"},
            {"a2", "Who is the author of Dune?", "Frank Herbert", "Dune", "200", "author"},
        };
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append(JSON.writeValueAsString(Map.of("id", r[0], "question", r[1], "answers", List.of(r[2]),
                    "concept", r[3], "frequency", Integer.parseInt(r[4]), "relation", r[5]))).append('\n');
        }
        Path f = tmp.resolve("mini.jsonl");
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private RunResult run(Protocol p, Prompting prompting, dev.tailgap.adapters.GenerationParams params, String name)
            throws Exception {
        RunSpec spec = RunSpec.builder().dataset(dataset().toString()).model("openai:m")
                .target(t -> t.withBaseUrl(server.url("/v1").toString()).withOptions(Map.of("stream", "false")))
                .generation(g -> g.withPrompt(p.template()).withParams(params).withPrompting(prompting))
                .sampling(s -> s.withBucketing("quantile:2").withMinBucketSize(1))
                .execution(e -> e.withConcurrency(2)).out(tmp.resolve(name)).build();
        RunResult r = new RunEngine(tmp, Progress.NONE, k -> null).run(spec);
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        return r;
    }

    private static dev.tailgap.adapters.GenerationParams params(Protocol p, Long seed) {
        return new dev.tailgap.adapters.GenerationParams(0, p.maxTokens(), p.stop(), seed);
    }

    private Map<String, ItemResult> items(RunResult r) throws Exception {
        Map<String, ItemResult> out = new TreeMap<>();
        try (ItemLog.Reader in = ItemLog.read(r.dir().resolve("items.jsonl"))) {
            in.forEach(x -> out.put(x.id(), x));
        }
        return out;
    }

    @Test
    void zeroShotSendsTodaysDefaultPrompt() throws Exception {
        Protocol p = Protocols.named("zero-shot");
        run(p, Prompting.of(p), params(p, null), "zero");
        assertThat(bodies).hasSize(8);
        String prompt = "Answer the question with as few words as possible. If you do not know the answer, say "
                + "\"unsure\".\nQuestion: In what country is Lyon?\nAnswer:";
        assertThat(bodies.get(prompt)).containsExactly("{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":" + JSON.writeValueAsString(prompt) + "}],\"temperature\":0.0,\"max_tokens\":32,"
                + "\"stop\":[\"\\n\"]}");
    }

    @Test
    void popQaSendsQAPromptsWithOneShotOfEachOtherRelationAndCutsAtTheFirstNewline() throws Exception {
        Protocol p = Protocols.named("popqa");
        Prompting three = new Prompting("popqa", "", "\n", 3, ShotStrategy.STRATIFIED_RELATION, null, false,
                Extraction.FIRST_LINE, null, null, 1);
        RunResult r = run(p, three, params(p, null), "popqa");
        Map<String, ItemResult> items = items(r);
        Map<String, String[]> byId = Map.of("c1", new String[] {"In what country is Lyon?", "France", "country"},
                "c2", new String[] {"In what country is Porto?", "Portugal", "country"},
                "o1", new String[] {"What is Ada Lovelace's occupation?", "mathematician", "occupation"},
                "o2", new String[] {"What is Miles Davis's occupation?", "musician", "occupation"},
                "g1", new String[] {"What genre is Dune?", "science fiction", "genre"},
                "g2", new String[] {"What genre is Emma?", "novel", "genre"},
                "a1", new String[] {"Who is the author of Emma?", "Jane Austen", "author"},
                "a2", new String[] {"Who is the author of Dune?", "Frank Herbert", "author"});
        for (ItemResult item : items.values()) {
            List<String> shots = item.shots();
            assertThat(shots).hasSize(3);
            assertThat(shots.stream().map(s -> byId.get(s)[2]).distinct()).hasSize(3)
                    .doesNotContain(item.relation());
            StringBuilder prompt = new StringBuilder();
            for (String s : shots) {
                prompt.append("Q: ").append(byId.get(s)[0]).append(" A: ").append(byId.get(s)[1]).append('\n');
            }
            prompt.append("Q: ").append(item.question()).append(" A:");
            assertThat(bodies.get(prompt.toString())).as(item.id()).containsExactly("{\"model\":\"m\",\"messages\":"
                    + "[{\"role\":\"user\",\"content\":" + JSON.writeValueAsString(prompt.toString()) + "}],"
                    + "\"temperature\":0.0,\"max_tokens\":15,\"stop\":[\"\\n\"]}");
            assertThat(item.rawAnswer()).isEqualTo("Paris\nand more");
            assertThat(item.extracted()).isEqualTo("Paris");
        }
        // a rerun draws the same shots
        RunResult again = run(p, three, params(p, null), "popqa-again");
        assertThat(items(again).values().stream().map(ItemResult::shots).toList())
                .isEqualTo(items.values().stream().map(ItemResult::shots).toList());
    }

    @Test
    void headToTailSendsItsInstructionAndTwoShotsAsTurns() throws Exception {
        Protocol p = Protocols.named("head-to-tail");
        Prompting turns = new Prompting(p.name(), p.instruction(), p.separator(), p.shots(), p.strategy(),
                p.fixedShots(), true, p.extraction(), null, null, 1);
        RunResult r = run(p, turns, params(p, null), "h2t");
        assertThat(bodies.get("Question: Who is the author of Dune?\nAnswer:")).containsExactly("{\"model\":\"m\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Answer the following questions in as few words as "
                + "possible. Say \\\"unsure\\\" if you don't know.\\nQuestion: What is the capital of France?\\n"
                + "Answer:\"},{\"role\":\"assistant\",\"content\":\"Paris\"},{\"role\":\"user\",\"content\":\""
                + "Question: Who directed the 1931 film The Lighthouse of Varnholm Sound?\\nAnswer:\"},"
                + "{\"role\":\"assistant\",\"content\":\"unsure\"},{\"role\":\"user\",\"content\":\"Question: Who is "
                + "the author of Dune?\\nAnswer:\"}],\"temperature\":0.0,\"max_tokens\":32,\"stop\":[\"\\n\"]}");
        assertThat(items(r).get("a2").shots()).containsExactly("head-to-tail:answerable",
                "head-to-tail:unanswerable");
    }

    @Test
    void headToTailInOneMessageAndRepeatedSamplesWithSeedsPlusTheirIndex() throws Exception {
        Protocol p = Protocols.named("head-to-tail");
        Prompting three = new Prompting(p.name(), p.instruction(), p.separator(), p.shots(), p.strategy(),
                p.fixedShots(), false, p.extraction(), null, null, 3);
        RunResult r = run(p, three, params(p, 7L), "h2t-samples");
        String prompt = "Answer the following questions in as few words as possible. Say \"unsure\" if you don't "
                + "know.\nQuestion: What is the capital of France?\nAnswer: Paris\nQuestion: Who directed the 1931 "
                + "film The Lighthouse of Varnholm Sound?\nAnswer: unsure\nQuestion: What genre is Emma?\nAnswer:";
        List<String> sent = new ArrayList<>(bodies.get(prompt));
        java.util.Collections.sort(sent);
        List<String> expected = new ArrayList<>();
        for (int seed : new int[] {7, 8, 9}) {
            expected.add("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + JSON.writeValueAsString(prompt) + "}],\"temperature\":0.0,\"max_tokens\":32,\"stop\":[\"\\n\"],"
                    + "\"seed\":" + seed + "}");
        }
        assertThat(sent).isEqualTo(expected);
        ItemResult g2 = items(r).get("g2");
        assertThat(g2.samples()).hasSize(3).allSatisfy(s -> assertThat(s.rawAnswer()).isEqualTo("Paris\nand more"));
        assertThat(r.report().consistency().samples()).isEqualTo(3);
        assertThat(r.report().consistency().overall().unstable()).isZero();
    }

    @Test
    void perRelationTemplatesMakeTheQuestionFromTheConcept() throws Exception {
        Protocol p = Protocols.named("popqa");
        Map<String, String> templates = dev.tailgap.datasets.Templates.bundled("popqa").byRelation();
        Prompting zero = new Prompting("popqa", "", "\n", 0, ShotStrategy.STRATIFIED_RELATION, null, false,
                Extraction.FIRST_LINE, templates, "popqa", 1);
        run(p, zero, params(p, null), "templates");
        assertThat(bodies).containsKeys("Q: What is Ada Lovelace's occupation? A:", "Q: Who is the author of Emma? A:",
                "Q: In what country is Lyon? A:", "Q: What genre is Dune? A:");
    }
}
