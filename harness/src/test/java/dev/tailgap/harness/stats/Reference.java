package dev.tailgap.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.reports.Estimate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference values computed independently with scipy/numpy by {@code src/test/python/stats_reference.py}, and
 * the tolerance the Java implementation must meet against them.
 */
final class Reference {
    /** Agreement required with scipy: absolute, or relative to the reference value when that is larger than 1. */
    static final double TOLERANCE = 1e-13;

    private static final JsonNode ROOT = load();

    private Reference() {
    }

    static List<JsonNode> cases(String section) {
        JsonNode node = ROOT.get(section);
        assertThat(node).as("fixture section %s", section).isNotNull();
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        assertThat(out).as("fixture section %s", section).isNotEmpty();
        return out;
    }

    static double z() {
        return ROOT.get("z").asDouble();
    }

    /** A number from the fixture; JSON null stands for NaN. */
    static double num(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("field %s in %s", field, node).isNotNull();
        return value.isNull() ? Double.NaN : value.asDouble();
    }

    static void assertClose(double expected, double actual, double tolerance, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        double allowed = tolerance * Math.max(1.0, Math.abs(expected));
        assertThat(Math.abs(actual - expected)).as("%s: expected %s, got %s", what, expected, actual)
                .isLessThanOrEqualTo(allowed);
    }

    static void assertClose(JsonNode expected, Estimate actual, double tolerance, String what) {
        assertClose(num(expected, "value"), actual.value(), tolerance, what + " value");
        assertClose(num(expected, "lower"), actual.lower(), tolerance, what + " lower");
        assertClose(num(expected, "upper"), actual.upper(), tolerance, what + " upper");
    }

    private static JsonNode load() {
        try (InputStream in = Reference.class.getResourceAsStream("/stats/reference.json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /stats/reference.json");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
