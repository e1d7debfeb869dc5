package dev.tailgap.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The format plug-ins of one kind found by {@link ServiceLoader}, indexed by name and alias.
 *
 * <p>Contract: {@link #all()} is sorted by name; a name or alias claimed by two plug-ins is refused with an
 * {@link IllegalStateException} naming the spelling and both classes; lookups ignore case.
 */
final class FormatRegistry<T extends NamedFormat> {
    private final String kind;
    private final List<T> all;
    private final Map<String, T> bySpelling;

    private FormatRegistry(String kind, List<T> all, Map<String, T> bySpelling) {
        this.kind = kind;
        this.all = all;
        this.bySpelling = bySpelling;
    }

    /** The plug-ins of {@code type} that {@code loader} sees; {@code kind} names them in messages. */
    static <T extends NamedFormat> FormatRegistry<T> load(Class<T> type, ClassLoader loader, String kind) {
        Map<String, T> bySpelling = new LinkedHashMap<>();
        List<T> all = new ArrayList<>();
        for (T plugin : ServiceLoader.load(type, loader)) {
            List<String> spellings = new ArrayList<>();
            spellings.add(plugin.name());
            spellings.addAll(plugin.aliases());
            for (String spelling : spellings) {
                T before = bySpelling.putIfAbsent(spelling.toLowerCase(Locale.ROOT), plugin);
                if (before != null && before != plugin) {
                    throw new IllegalStateException("two " + kind + "s are named '" + spelling + "': "
                            + before.getClass().getName() + " and " + plugin.getClass().getName()
                            + "; remove one from the class path");
                }
            }
            all.add(plugin);
        }
        all.sort(Comparator.comparing(NamedFormat::name));
        return new FormatRegistry<>(kind, List.copyOf(all), Map.copyOf(bySpelling));
    }

    List<T> all() {
        return all;
    }

    /** The plug-in named {@code spelling} (its name or an alias); the error lists the known names. */
    T get(String spelling) {
        T f = spelling == null ? null : bySpelling.get(spelling.toLowerCase(Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + spelling + "'; known: " + names());
        }
        return f;
    }

    /** {@code csv, html, markdown (md), ...}: every name, with its aliases in brackets. */
    String names() {
        return all.stream().map(f -> f.aliases().isEmpty() ? f.name()
                : f.name() + " (" + String.join(", ", f.aliases()) + ")").collect(Collectors.joining(", "));
    }
}
