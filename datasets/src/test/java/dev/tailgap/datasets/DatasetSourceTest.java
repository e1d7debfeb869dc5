package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSourceTest {

    @TempDir
    Path dir;

    @Test
    void bundledIndexListsTheBundledDatasets() {
        assertThat(DatasetSource.bundledNames()).containsExactly("world-cities", "world-languages");
    }

    @Test
    void loadsABundledDatasetFromTheClasspath() throws Exception {
        DatasetSource source = DatasetSource.bundled("test-tiny");
        assertThat(source.location()).isEqualTo("bundled:test-tiny");
        assertThat(source.name()).isEqualTo("test-tiny");
        Dataset ds = DatasetLoader.load(source, LoadOptions.strict());
        assertThat(ds.manifest().id()).isEqualTo("test-tiny@1");
        assertThat(ds.manifest().bucketing()).isEqualTo("mass:2");
        // the larger item holds over half the mass, so by Head-to-Tail's rule both are at or below the cut
        assertThat(ds.defaultBucketing().sizes()).containsExactly(0, 2);
        try (Stream<Item> items = ds.items()) {
            assertThat(items.map(Item::id)).containsExactly("t1", "t2");
        }
        assertThat(DatasetSource.resolve("test-tiny")).isEqualTo(source);
        assertThat(DatasetSource.resolve("bundled:test-tiny")).isEqualTo(source);
    }

    @Test
    void unknownBundledNameIsRejected() {
        assertThatThrownBy(() -> DatasetSource.bundled("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no bundled dataset 'nope' (bundled: world-cities, world-languages)");
        assertThatThrownBy(() -> DatasetSource.bundled("../fixtures/small"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolvesFilesAndReportsMissingOnes() throws Exception {
        Path file = Fixtures.write(dir.resolve("x.jsonl"), Fixtures.line("a", 1) + "\n");
        assertThat(DatasetSource.resolve(file.toString())).isEqualTo(DatasetSource.file(file));
        assertThatThrownBy(() -> DatasetSource.resolve("x"))
                .isInstanceOf(DatasetException.class)
                .hasMessage("dataset 'x' not found: no such file and no bundled dataset of that name"
                        + " (bundled: world-cities, world-languages)");
    }

    @Test
    void nameIsTheFileStem() {
        assertThat(DatasetSource.file(Path.of("data", "popqa.jsonl")).name()).isEqualTo("popqa");
        assertThat(DatasetSource.file(Path.of("items.json")).name()).isEqualTo("items");
        assertThat(DatasetWriter.manifestPath(Path.of("d", "popqa.jsonl")))
                .isEqualTo(Path.of("d", "popqa.manifest.yaml"));
    }

    @Test
    void theAliasRuleIsReadAndABadOneIsLocated() throws Exception {
        Path file = itemsWithManifest("name: m\nversion: \"1\"\naliasRule: plain\n");
        assertThat(DatasetSource.file(file).manifest().orElseThrow().aliasRule()).isEqualTo(Manifest.PLAIN_ALIASES);
        Path bad = itemsWithManifest("name: m\nversion: \"1\"\naliasRule: loose\n");
        assertThatThrownBy(() -> DatasetSource.file(bad).manifest()).isInstanceOf(DatasetException.class)
                .hasMessageEndingWith("m.manifest.yaml:3: aliasRule: must be guarded or plain, got 'loose'");
    }

    @Test
    void unknownManifestKeyIsNamedWithItsLine() throws Exception {
        Path file = itemsWithManifest("name: m\nversion: \"1\"\nlicence: MIT\n");
        Path manifest = dir.resolve("m.manifest.yaml");
        assertThatThrownBy(() -> DatasetSource.file(file).manifest())
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(manifest + ":3: licence: unknown key (valid keys: name,"
                            + " version, description, license, source, attribution, frequencySource, bucketing,"
                            + " aliasRule)");
                    assertThat(e.problems()).singleElement().extracting(LoadProblem::line).isEqualTo(3L);
                });
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(file), LoadOptions.lenient()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("licence: unknown key");
    }

    @Test
    void malformedManifestsAreLocated() throws Exception {
        Path manifest = dir.resolve("m.manifest.yaml");
        assertManifestError("name: m\nversion: [1]\n", manifest + ":2: version: must be a single text value");
        assertManifestError("version: \"1\"\n", manifest + ":0: name: missing (required)");
        assertManifestError("name: \"\"\nversion: 1\n", manifest + ":1: name: must not be empty");
        assertManifestError("name: m\nversion: 1\nname: n\n", manifest + ":3: name: repeated key (first on line 1)");
        assertManifestError("name: m\nversion: 1\nbucketing: mass:1\n", manifest
                + ":3: bucketing: invalid bucketing 'mass:1': mass needs K >= 2, got 1; valid forms: "
                + BucketScheme.FORMS);
        assertManifestError("- a\n- b\n", manifest + ":1: manifest: expected a mapping of keys name, version,"
                + " description, license, source, attribution, frequencySource, bucketing, aliasRule");
        assertManifestError("", manifest + ":1: manifest: is empty; expected keys name, version, description,"
                + " license, source, attribution, frequencySource, bucketing, aliasRule");
        itemsWithManifest("name: m\n  version: : [\n");
        assertThatThrownBy(() -> DatasetSource.file(dir.resolve("m.jsonl")).manifest())
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(manifest + ":2: yaml: not valid YAML: ");
    }

    @Test
    void manifestScalarsAreReadAsText() throws Exception {
        Path file = itemsWithManifest("name: m\nversion: 2.10\ndescription:\nbucketing: log10\n");
        assertThat(DatasetSource.file(file).manifest()).contains(
                new Manifest("m", "2.10", "", "", "", "", "", "log10"));
    }

    private void assertManifestError(String yaml, String message) throws Exception {
        Path file = itemsWithManifest(yaml);
        assertThatThrownBy(() -> DatasetSource.file(file).manifest())
                .isInstanceOf(DatasetException.class).hasMessage(message);
    }

    private Path itemsWithManifest(String yaml) throws Exception {
        Fixtures.write(dir.resolve("m.manifest.yaml"), yaml);
        return Fixtures.write(dir.resolve("m.jsonl"), Fixtures.line("a", 1) + "\n");
    }
}
