package dev.tailgap.harness.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.ModelRef;
import dev.tailgap.harness.cache.CacheReuse;
import dev.tailgap.harness.scoring.HedgePolicy;
import dev.tailgap.harness.scoring.PromptTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * The one JSON mapping of a {@link dev.tailgap.harness.RunSpec}: the records' components by name, a model reference
 * as {@code provider:model}, a prompt template as its text, durations as seconds, the enums by their labels, and the
 * run directory ({@link Output#dir()}) as a string. Unknown fields are refused, so a misspelt setting is not ignored.
 */
public final class PlanJson {
    /** The mapper; thread-safe once built. */
    public static final ObjectMapper MAPPER = build();

    private PlanJson() {
    }

    private static ObjectMapper build() {
        SimpleModule m = new SimpleModule("tailgap-plan");
        text(m, ModelRef.class, ModelRef::toString, s -> {
            try {
                return ModelRef.parse(s);
            } catch (AdapterConfigException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        });
        text(m, PromptTemplate.class, PromptTemplate::text, PromptTemplate::of);
        text(m, CacheReuse.class, CacheReuse::label, CacheReuse::parse);
        text(m, HedgePolicy.class, HedgePolicy::label, HedgePolicy::parse);
        text(m, Path.class, Path::toString, Path::of);
        m.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration d, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeNumber(d.toMillis() / 1000.0);
            }
        });
        m.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return Duration.ofMillis(Math.round(p.getValueAsDouble() * 1000));
            }
        });
        return new ObjectMapper().registerModule(m)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private static <T> void text(SimpleModule m, Class<T> type, Function<T, String> write, Function<String, T> read) {
        m.addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(write.apply(v));
            }
        });
        m.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return read.apply(p.getValueAsString());
            }
        });
    }
}
