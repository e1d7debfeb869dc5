package dev.tailgap.harness.protocol;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The protocol registry: every {@link ProtocolProvider} on the class path, by name. Two plug-ins under one name are
 * refused with an error naming both classes.
 */
public final class Protocols {
    /** The protocol a run uses when none is named: tailgap's zero-shot prompt. */
    public static final String DEFAULT = ZeroShotProtocol.NAME;

    private Protocols() {
    }

    /** Every protocol, sorted by name. */
    public static List<Protocol> all() {
        return List.copyOf(byName().values());
    }

    /** The protocol named {@code name}; {@link IllegalArgumentException} listing the known ones otherwise. */
    public static Protocol named(String name) {
        Map<String, Protocol> all = byName();
        Protocol p = all.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no protocol '" + name + "'; known: " + String.join(", ",
                    all.keySet()));
        }
        return p;
    }

    private static Map<String, Protocol> byName() {
        return byName(ServiceLoader.load(ProtocolProvider.class, Protocols.class.getClassLoader()));
    }

    /** The protocols of {@code providers} by name; {@link IllegalStateException} naming both classes of a clash. */
    static Map<String, Protocol> byName(Iterable<? extends ProtocolProvider> providers) {
        Map<String, Protocol> out = new TreeMap<>();
        Map<String, String> classes = new TreeMap<>();
        for (ProtocolProvider p : providers) {
            Protocol protocol = p.protocol();
            String earlier = classes.putIfAbsent(protocol.name(), p.getClass().getName());
            if (earlier != null) {
                throw new IllegalStateException("two protocols named '" + protocol.name() + "': " + earlier + " and "
                        + p.getClass().getName());
            }
            out.put(protocol.name(), protocol);
        }
        return out;
    }
}
