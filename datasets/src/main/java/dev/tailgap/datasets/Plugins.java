package dev.tailgap.datasets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Loads the plug-ins of one extension point with {@link ServiceLoader}.
 *
 * <p>Contract: the result is sorted by name; two plug-ins under one name are refused with an
 * {@link IllegalStateException} naming both classes.
 */
final class Plugins {
    private Plugins() {
    }

    static <T> List<T> load(Class<T> type, Function<T, String> name) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T plugin : ServiceLoader.load(type, type.getClassLoader())) {
            T before = byName.putIfAbsent(name.apply(plugin), plugin);
            if (before != null) {
                throw new IllegalStateException("two " + type.getSimpleName() + " plug-ins are named '"
                        + name.apply(plugin) + "': " + before.getClass().getName() + " and "
                        + plugin.getClass().getName() + "; remove one from the class path");
            }
        }
        List<T> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(name));
        return List.copyOf(all);
    }
}
