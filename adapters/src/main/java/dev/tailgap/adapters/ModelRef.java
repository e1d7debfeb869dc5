package dev.tailgap.adapters;

/** A model named {@code provider:model}, e.g. {@code openai:gpt-4o-mini} or {@code ollama:llama3.2}. */
public record ModelRef(String provider, String model) {

    public static ModelRef parse(String ref) throws AdapterConfigException {
        int colon = ref == null ? -1 : ref.indexOf(':');
        if (colon <= 0 || colon == ref.length() - 1) {
            throw new AdapterConfigException("model '" + ref + "' is not of the form provider:model"
                    + " (e.g. openai:gpt-4o-mini, ollama:llama3.2)");
        }
        return new ModelRef(ref.substring(0, colon).toLowerCase(java.util.Locale.ROOT), ref.substring(colon + 1));
    }

    @Override
    public String toString() {
        return provider + ":" + model;
    }
}
