package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetWriterTest {

    @TempDir
    Path dir;

    private final List<Item> items = List.of(
            new Item("i1", "Who wrote \"X\"?", List.of("Zoë", "Zoe"), "X", 1234.0, "author",
                    Map.of("z", 1, "a", Map.of("y", 2.5, "b", List.of(1, 2)))),
            new Item("i2", "Q2?", List.of("a"), "C2", 2.5, "", Map.of()),
            new Item("i3", "Q3?", List.of("b"), "C3", 0, null, null));

    private final Manifest manifest = new Manifest("demo", "1.0", "two\nlines: # not a comment", "MIT", "true",
            "'quoted' \"both\"", "12", "edges:100,1000");

    @Test
    void writesCanonicalBytes() throws Exception {
        Path out = dir.resolve("demo.jsonl");
        String sha = DatasetWriter.writeAll(out, manifest, items);
        assertThat(Files.readString(out)).isEqualTo(""
                + "{\"id\":\"i1\",\"question\":\"Who wrote \\\"X\\\"?\",\"answers\":[\"Zoë\",\"Zoe\"],\"concept\":\"X\","
                + "\"frequency\":1234,\"relation\":\"author\",\"meta\":{\"a\":{\"b\":[1,2],\"y\":2.5},\"z\":1}}\n"
                + "{\"id\":\"i2\",\"question\":\"Q2?\",\"answers\":[\"a\"],\"concept\":\"C2\",\"frequency\":2.5}\n"
                + "{\"id\":\"i3\",\"question\":\"Q3?\",\"answers\":[\"b\"],\"concept\":\"C3\",\"frequency\":0}\n");
        assertThat(Files.readString(dir.resolve("demo.manifest.yaml"))).isEqualTo("""
                name: demo
                version: "1.0"
                description: |-
                  two
                  lines: # not a comment
                license: MIT
                source: "true"
                attribution: '''quoted'' "both"'
                frequencySource: "12"
                bucketing: "edges:100,1000"
                """);
        assertThat(sha).isEqualTo(Hashing.hex(Hashing.sha256().digest(Files.readAllBytes(out))));
        assertThat(Dataset.of(manifest, items).sha256()).isEqualTo(sha);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("demo.jsonl", "demo.manifest.yaml");
        }
    }

    @Test
    void roundTripsThroughTheLoaderAndIsDeterministic() throws Exception {
        Path a = dir.resolve("a/demo.jsonl");
        Path b = dir.resolve("b/demo.jsonl");
        DatasetWriter.writeAll(a, manifest, items);
        DatasetWriter.writeAll(b, manifest, items);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(DatasetWriter.manifestPath(a)))
                .isEqualTo(Files.readAllBytes(DatasetWriter.manifestPath(b)));

        Dataset ds = DatasetLoader.load(DatasetSource.file(a), LoadOptions.strict());
        assertThat(ds.manifest()).isEqualTo(manifest);
        assertThat(ds.manifestDerived()).isFalse();
        try (Stream<Item> loaded = ds.items()) {
            List<Item> list = loaded.toList();
            assertThat(list.get(0)).isEqualTo(items.get(0));
            assertThat(list.get(1)).isEqualTo(new Item("i2", "Q2?", List.of("a"), "C2", 2.5, null, Map.of()));
            assertThat(list.get(2)).isEqualTo(items.get(2));
        }
        Path again = dir.resolve("c/demo.jsonl");
        try (Stream<Item> loaded = ds.items()) {
            DatasetWriter.writeAll(again, ds.manifest(), loaded.toList());
        }
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(a));
    }

    @Test
    void leavesNothingBehindWhenNotCommitted() throws Exception {
        Path out = dir.resolve("partial.jsonl");
        try (DatasetWriter w = DatasetWriter.create(out)) {
            w.write(items.get(0));
            assertThat(w.count()).isEqualTo(1);
            assertThat(w.sha256()).isEqualTo(Hashing.hex(Hashing.sha256().digest(
                    (DatasetWriter.jsonLine(items.get(0)) + "\n").getBytes(StandardCharsets.UTF_8))));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void overwritesAnExistingDataset() throws Exception {
        Path out = dir.resolve("demo.jsonl");
        DatasetWriter.writeAll(out, manifest, items);
        DatasetWriter.writeAll(out, Fixtures.manifest("demo"), List.of(items.get(2)));
        Dataset ds = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict());
        assertThat(ds.size()).isEqualTo(1);
        assertThat(ds.manifest()).isEqualTo(Fixtures.manifest("demo"));
    }

    @Test
    void inMemoryDatasetStreamsItsItems() {
        Dataset ds = Dataset.of(manifest, items);
        assertThat(ds.location()).isEqualTo("memory:demo");
        assertThat(ds.size()).isEqualTo(3);
        assertThat(ds.frequencies()).containsExactly(1234, 2.5, 0);
        assertThat(ds.idHash(1)).isEqualTo(Dataset.hashId("i2"));
        try (Stream<Item> s = ds.items()) {
            assertThat(s.toList()).isEqualTo(items);
        }
    }

    @Test
    void idHashIsStable() {
        // FNV-1a 64 of the UTF-8 bytes, then the SplitMix64 finalizer; pinned so samples stay reproducible
        assertThat(Dataset.hashId("")).isEqualTo(Hashing.mix(0xcbf29ce484222325L));
        assertThat(Dataset.hashId("a")).isEqualTo(Hashing.mix(0xaf63dc4c8601ec8cL));
    }
}
