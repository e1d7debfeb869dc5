package dev.tailgap.adapters;

/**
 * The provider SPI's discovery half, registered with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.tailgap.adapters.ModelAdapterProvider} and looked up by {@link #name()}, the part of a
 * model reference before the colon ({@code openai} in {@code openai:gpt-4o-mini}).
 */
public interface ModelAdapterProvider {

    /** Lower-case provider name, unique among providers. */
    String name();

    /** One line for {@code tailgap list adapters}. */
    String description();

    /** Creates an adapter, or explains in one line what in the configuration is wrong. */
    ModelAdapter create(AdapterConfig config) throws AdapterConfigException;
}
