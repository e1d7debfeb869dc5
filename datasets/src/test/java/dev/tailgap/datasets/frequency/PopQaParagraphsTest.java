package dev.tailgap.datasets.frequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real text: the PopQA subjects counted in the Wikipedia paragraphs that ship with the shared NeuroPath PopQA sample
 * ({@code ../shared/datasets/popqa/raw/neuropath_popqa_1000.json}); skipped when the file is absent.
 */
class PopQaParagraphsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<Path> shared(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void subjectsCountedInTheirParagraphsEqualTheBruteForceReference() throws Exception {
        Optional<Path> file = shared("datasets/popqa/raw/neuropath_popqa_1000.json");
        assumeTrue(file.isPresent(), "shared PopQA paragraphs not present");
        JsonNode rows = JSON.readTree(file.get().toFile());
        List<CountTarget> targets = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        for (JsonNode row : rows) {
            List<String> names = new ArrayList<>(List.of(row.get("subj").asText()));
            JSON.readTree(row.get("s_aliases").asText()).forEach(a -> names.add(a.asText()));
            List<String> answers = new ArrayList<>();
            JSON.readTree(row.get("possible_answers").asText()).forEach(a -> answers.add(a.asText()));
            targets.add(new CountTarget(row.get("id").asText(), names, answers, row.get("question").asText(),
                    row.get("prop").asText()));
            if (targets.size() <= 100) {
                row.get("paragraphs").forEach(p -> paragraphs.add(p.get("text").asText()));
            }
        }
        assertThat(targets).hasSize(1000);
        ConceptMatcher m = ConceptMatcher.compile(targets, MatchOptions.DEFAULT);
        CorpusCounts c = ConceptMatcherTest.count(m, paragraphs);
        long[][] ref = BruteForce.count(targets, paragraphs, 1);
        int mentioned = 0;
        long cooccurring = 0;
        for (int t = 0; t < targets.size(); t++) {
            String id = targets.get(t).itemId();
            assertThat(new long[] {c.mentions(m.keyOf(t)), c.docs(m.keyOf(t)), c.cooccurrence(t)}).as(id)
                    .containsExactly(ref[t]);
            if (t < 100 && ref[t][1] > 0) {
                mentioned++;
            }
            cooccurring += ref[t][2];
        }
        assertThat(mentioned).as("subjects found in their own paragraphs").isGreaterThan(80);
        assertThat(cooccurring).isGreaterThan(25);
    }
}
