package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled world-languages dataset: valid, long-tailed, licensed and free of answer leaks. */
class WorldLanguagesTest {

    @Test
    void loadsStrictlyWithItsManifestAndLicence() throws Exception {
        Dataset ds = DatasetLoader.load(DatasetSource.bundled("world-languages"), LoadOptions.strict());
        assertThat(ds.size()).isEqualTo(448);
        assertThat(ds.manifest().id()).isEqualTo("world-languages@1.0.0");
        assertThat(ds.manifest().license()).isEqualTo("Unicode-3.0");
        assertThat(ds.manifest().source()).contains("Unicode CLDR 48.2.0").contains("cldr-core 48.2.0");
        assertThat(ds.manifest().frequencySource()).startsWith("estimated speakers worldwide");
        try (InputStream licence = getClass().getResourceAsStream(
                "/dev/tailgap/datasets/bundled/world-languages.LICENSE.txt")) {
            assertThat(new String(licence.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("UNICODE LICENSE V3");
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double f : ds.frequencies()) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        assertThat(Math.log10(max / min)).as("decades of speakers").isGreaterThan(6);
        assertThat(ds.bucketing(BucketScheme.parse(ds.manifest().bucketing())).buckets()).hasSizeGreaterThan(5);
    }

    @Test
    void noAnswerIsInItsQuestionAndSomeConceptsHaveAliases() throws Exception {
        Dataset ds = DatasetLoader.load(DatasetSource.bundled("world-languages"), LoadOptions.strict());
        try (Stream<Item> s = ds.items()) {
            List<Item> items = s.toList();
            for (Item i : items) {
                for (String a : i.answers()) {
                    assertThat(i.question().toLowerCase(Locale.ROOT)).as(i.id())
                            .doesNotContain(" " + a.toLowerCase(Locale.ROOT) + "?");
                }
            }
            assertThat(items).filteredOn(i -> !i.conceptAliases().isEmpty()).isNotEmpty();
            assertThat(items.get(0).concept()).isEqualTo("Chinese");
            assertThat(items.get(0).answers()).startsWith("China");
        }
    }
}
