package dev.tailgap.adapters;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds {@link ModelAdapterProvider}s on the class path. */
public final class Adapters {
    private Adapters() {
    }

    /** Every provider found, sorted by name. */
    public static List<ModelAdapterProvider> all() {
        return ServiceLoader.load(ModelAdapterProvider.class, Adapters.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(ModelAdapterProvider::name))
                .collect(Collectors.toList());
    }

    /** The provider with this name; the error lists the ones that exist. */
    public static ModelAdapterProvider provider(String name) throws AdapterConfigException {
        List<ModelAdapterProvider> all = all();
        for (ModelAdapterProvider p : all) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new AdapterConfigException("unknown provider '" + name + "'; available: "
                + all.stream().map(ModelAdapterProvider::name).collect(Collectors.joining(", "))
                + " (see: tailgap list adapters)");
    }
}
