package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginsTest {

    /** A test extension point; its services file lists two plug-ins under one name and one under another. */
    public interface Named {
        String name();
    }

    public static final class First implements Named {
        @Override
        public String name() {
            return "same";
        }
    }

    public static final class Second implements Named {
        @Override
        public String name() {
            return "same";
        }
    }

    @Test
    void twoPluginsUnderOneNameAreRefusedNamingBothClasses() {
        assertThatThrownBy(() -> Plugins.load(Named.class, Named::name))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two Named plug-ins are named 'same': " + First.class.getName() + " and "
                        + Second.class.getName() + "; remove one from the class path");
    }

    @Test
    void theBuiltInImportersAndFormatsAreFoundSortedByName() {
        assertThat(Importers.all()).extracting(ImporterProvider::name)
                .containsExactly("entity-questions", "head-to-tail", "popqa", "table");
        assertThat(TableFormats.all()).extracting(TableFormat::name).containsExactly("csv", "json", "jsonl", "tsv");
    }

    @Test
    void unknownImportersAndOptionsAreNamed() {
        assertThatThrownBy(() -> Importers.get("nope")).hasMessage("no importer named 'nope'; available: "
                + "entity-questions, head-to-tail, popqa, table (see: tailgap list importers)");
        assertThatThrownBy(() -> Importers.run("popqa", new ImportRequest(List.of(Path.of("x.tsv")),
                Path.of("o.jsonl"), null, null, Map.of("map", List.of("question=q"))))).hasMessage(
                "import popqa does not take --map (it takes: --delimiter, --format, --where)");
    }
}
