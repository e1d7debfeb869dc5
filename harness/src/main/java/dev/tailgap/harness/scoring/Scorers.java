package dev.tailgap.harness.scoring;

import dev.tailgap.harness.TailgapException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The {@link ScorerProvider}s on the class path, found with {@link ServiceLoader}. Two providers under one name are a
 * configuration error naming both classes; an unknown name is a usage error listing the known ones.
 */
public final class Scorers {
    /** The scorer used when none is named. */
    public static final String DEFAULT = ContainsProvider.NAME;

    private Scorers() {
    }

    /** Every provider, sorted by name. */
    public static List<ScorerProvider> all() {
        return all(Scorers.class.getClassLoader());
    }

    static List<ScorerProvider> all(ClassLoader loader) {
        List<ScorerProvider> found = new ArrayList<>();
        try {
            ServiceLoader.load(ScorerProvider.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw TailgapException.usage("cannot load a scorer plug-in: " + e.getMessage());
        }
        Map<String, ScorerProvider> byName = new HashMap<>();
        for (ScorerProvider p : found) {
            ScorerProvider other = byName.putIfAbsent(p.name(), p);
            if (other != null) {
                throw TailgapException.usage("two scorers are called '" + p.name() + "': "
                        + other.getClass().getName() + " and " + p.getClass().getName()
                        + "; remove one of them from the class path");
            }
        }
        found.sort(Comparator.comparing(ScorerProvider::name));
        return found;
    }

    /** The provider called {@code name}; a usage error listing the known names otherwise. */
    public static ScorerProvider provider(String name) {
        List<ScorerProvider> all = all();
        for (ScorerProvider p : all) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw TailgapException.usage("unknown scorer '" + name + "'; known scorers: "
                + all.stream().map(ScorerProvider::name).collect(Collectors.joining(", "))
                + " (see: tailgap list scorers)");
    }

    /** The scorer called {@code name}, built in {@code context}; a bad setting is a usage error. */
    public static Scorer create(String name, ScorerContext context) {
        ScorerProvider p = provider(name);
        try {
            return p.create(context);
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(e.getMessage());
        }
    }
}
