package dev.tailgap.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunReports;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic model's published truth is what a real run over HTTP scores, duplicated questions included. */
class SimTruthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void truthOverHttpMatchesEveryScoredItemEvenForRepeatedQuestions() throws Exception {
        List<Item> items = new ArrayList<>();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            // every third question is asked again about another entity of the same name, with another answer
            String city = "Town" + (i % 3 == 2 ? i - 1 : i);
            String country = "Country" + i;
            double frequency = Math.pow(10, 1 + (i % 60) / 10.0);
            Item item = new Item("i" + i, "In what country is " + city + "?", List.of(country), city, frequency,
                    "country", Map.of());
            items.add(item);
            jsonl.append(JSON.writeValueAsString(Map.of("id", item.id(), "question", item.question(), "answers",
                    item.answers(), "concept", city, "frequency", frequency, "relation", "country"))).append('\n');
        }
        Path data = Files.writeString(tmp.resolve("dups.jsonl"), jsonl.toString(), StandardCharsets.UTF_8);
        SimParams params = new SimParams(3.5, 1.5, 0.02, 0.95, 0.5, 11, 0);
        Map<String, String> truth = new HashMap<>();
        try (SimServer server = SimServer.start(SimModel.of(items, params), 0, 8)) {
            Request get = new Request.Builder().url("http://127.0.0.1:" + server.port() + "/truth").build();
            try (Response response = new OkHttpClient().newCall(get).execute()) {
                assertThat(response.code()).isEqualTo(200);
                for (String line : response.body().string().split("\n")) {
                    JsonNode n = JSON.readTree(line);
                    truth.put(n.get("id").asText(), n.get("decision").asText());
                }
            }
            new RunEngine(tmp, Progress.NONE, k -> null).run(RunSpec.builder().dataset(data.toString())
                    .sampling(s -> s.withBucketing("log10")).model("openai:" + SimServer.MODEL_ID).target(t -> t.withBaseUrl(server.baseUrl()).withEndpointLabel("synthetic")).execution(e -> e.withConcurrency(4)).out(tmp.resolve("run")).build());
        }
        List<ItemResult> results = RunReports.items(tmp.resolve("run"));
        assertThat(results).hasSize(300);
        assertThat(truth).hasSize(300);
        int duplicatesJudgedWrong = 0;
        for (ItemResult r : results) {
            String expected = switch (r.outcome()) {
                case CORRECT -> "KNOWS";
                case HALLUCINATED -> "HALLUCINATES";
                case ABSTAINED -> "ABSTAINS";
                case ERROR -> "ERROR";
            };
            assertThat(truth.get(r.id())).as(r.id()).isEqualTo(expected);
            int i = Integer.parseInt(r.id().substring(1));
            if (i % 3 == 2 && r.outcome() == Outcome.HALLUCINATED) {
                duplicatesJudgedWrong++;
            }
        }
        // a repeated question gets the first item's answer, wrong for the second entity whenever the model "knows"
        assertThat(duplicatesJudgedWrong).isPositive();
    }
}
