package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming fast path ({@link ItemCodec#scanItem}, {@link ItemCodec#scanKey}) agrees with the tree path. */
class ItemCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"a\",\"question\":\"Q?\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1}",
        "{\"frequency\":12.5,\"concept\":\"C\",\"answers\":[\"x\",\"y\",\"Côte d’Ivoire\"],\"question\":\"Q\",\"id\":\"é\"}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":0,\"relation\":\"capital\"}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":3,\"relation\":\"\"}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":3,\"relation\":null,"
            + "\"meta\":null}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1e3,"
            + "\"meta\":{\"pop\":486947,\"big\":12345678901234,\"f\":0.25,\"s\":\"t\",\"l\":[1,\"2\",null],"
            + "\"o\":{\"k\":true}}}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":123456789012345678901234,"
            + "\"extra\":{\"nested\":[{\"deep\":1}]},\"more\":[1,2]}",
        "{\"id\":\"\\u00e9t\\u00e9\",\"question\":\"Line\\nbreak \\\"quoted\\\"\",\"answers\":[\"x\"],\"concept\":\"C\","
            + "\"frequency\":2}",
        "  {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1}  ",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"conceptAliases\":[\"C1\",\"C 2\"],"
            + "\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"conceptAliases\":[],\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"conceptAliases\":null,\"frequency\":1}",
    })
    void validLinesReadTheSameByBothPaths(String line) {
        ObjectNode node = ItemCodec.check(line, (f, m) -> {
            throw new AssertionError(f + ": " + m);
        });
        Item tree = ItemCodec.toItem(node);
        assertThat(ItemCodec.scanItem(line)).isEqualTo(tree);
        assertThat(ItemCodec.scanKey(line)).isEqualTo(new ItemCodec.Key(tree.id(), tree.frequency()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":",
        "{\"id\":\"a\"} {}",
        "[1,2]",
        "\"a\"",
        "{\"id\":\"a\",\"id\":\"b\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1,"
            + "\"meta\":{\"k\":1,\"k\":2}}",
        "{\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1}",
        "{\"id\":\" \",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1}",
        "{\"id\":7,\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1}",
        "{\"id\":\"a\",\"question\":null,\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":{},\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":\"x\",\"concept\":\"C\",\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[],\"concept\":\"C\",\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\",\"\"],\"concept\":\"C\",\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[[\"x\"]],\"concept\":\"C\",\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\"}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":\"12\"}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":-3}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":NaN}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":Infinity}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1e400}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":true}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1,\"relation\":5}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1,\"meta\":[1]}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"conceptAliases\":\"C1\",\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"conceptAliases\":[\"C1\",\" \"],"
            + "\"frequency\":1}",
        "{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"conceptAliases\":[3],\"frequency\":1}",
    })
    void invalidLinesAreLeftToTheTreePath(String line) {
        List<String> problems = new ArrayList<>();
        assertThat(ItemCodec.check(line, (f, m) -> problems.add(f + ": " + m))).isNull();
        assertThat(problems).isNotEmpty();
        assertThat(ItemCodec.scanItem(line)).isNull();
        assertThat(ItemCodec.scanKey(line)).isNull();
    }

    @org.junit.jupiter.api.Test
    void conceptAliasesRoundTripAndAreLeftOutWhenEmpty() {
        Item with = new Item("a", "Q", List.of("x"), "C", 1, null, null, List.of("C one", "C two"));
        String line = ItemCodec.toJsonLine(with);
        assertThat(line).isEqualTo("{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\","
                + "\"conceptAliases\":[\"C one\",\"C two\"],\"frequency\":1}");
        assertThat(ItemCodec.scanItem(line)).isEqualTo(with);
        Item without = new Item("a", "Q", List.of("x"), "C", 1, null, null);
        assertThat(without.conceptAliases()).isEmpty();
        assertThat(ItemCodec.toJsonLine(without)).doesNotContain("conceptAliases");
        List<String> problems = new ArrayList<>();
        ItemCodec.check("{\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\","
                + "\"conceptAliases\":[\"ok\",7],\"frequency\":1}", (f, m) -> problems.add(f + ": " + m));
        assertThat(problems).containsExactly("conceptAliases[1]: must be a non-empty string, got 7");
    }
}
