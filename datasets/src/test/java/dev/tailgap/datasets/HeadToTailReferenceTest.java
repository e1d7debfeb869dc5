package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code mass:K} against a port of Head-to-Tail's reference split ({@code src/test/python/head_to_tail_mass.py}):
 * the bucket sizes on the bundled world-cities dataset and on the shared PopQA subset must be equal.
 */
class HeadToTailReferenceTest {

    @Test
    void massBucketSizesEqualThePortOfTheReferenceCode() throws IOException, DatasetException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("mass/reference.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        Map<String, double[]> inputs = new HashMap<>();
        inputs.put("world-cities", worldCities());
        Optional<Path> popqa = Fixtures.shared("datasets/popqa/popqa_merged.tsv");
        if (popqa.isPresent()) {
            inputs.put("popqa-merged", popQa(popqa.get(), false));
            inputs.put("popqa-random2000", popQa(popqa.get(), true));
        }
        int checked = 0;
        for (JsonNode c : cases) {
            double[] f = inputs.get(c.get("name").asText());
            if (f == null) {
                continue;
            }
            String spec = "mass:" + c.get("k").asInt() + (c.get("excludeZero").asBoolean() ? ":exclude-zero" : "");
            assertThat(f).as(c.get("name").asText()).hasSize(c.get("n").asInt());
            int[] expected = new int[c.get("sizes").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = c.get("sizes").get(i).asInt();
            }
            assertThat(BucketScheme.parse(spec).apply(f).sizes()).as(c.get("name").asText() + " " + spec)
                    .containsExactly(expected);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
        // the figures of the issue that changed the tie rule: head 32 on world-cities, 25 on PopQA's random sample
        assertThat(BucketScheme.parse("mass:3").apply(inputs.get("world-cities")).sizes()[0]).isEqualTo(32);
        if (popqa.isPresent()) {
            assertThat(BucketScheme.parse("mass:3").apply(inputs.get("popqa-random2000")).sizes()[0]).isEqualTo(25);
        }
    }

    private static double[] worldCities() throws DatasetException {
        Dataset ds = DatasetLoader.load(DatasetSource.bundled("world-cities"), LoadOptions.strict());
        return ds.frequencies();
    }

    /** The s_pop column of the shared PopQA TSV, optionally only the rows of the random 2,000 sample. */
    private static double[] popQa(Path tsv, boolean random2000) throws IOException {
        List<Double> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            List<String> header = Arrays.asList(r.readLine().split("\t", -1));
            int pop = header.indexOf("s_pop");
            int sample = header.indexOf("in_random2000");
            try (Stream<String> lines = r.lines()) {
                lines.forEach(line -> {
                    String[] cells = line.split("\t", -1);
                    if (!random2000 || cells[sample].equals("true")) {
                        out.add(Double.parseDouble(cells[pop]));
                    }
                });
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
