package dev.tailgap.harness.protocol;

/**
 * A named protocol plug-in, discovered with {@link java.util.ServiceLoader} (a class and a line in
 * {@code META-INF/services/dev.tailgap.harness.protocol.ProtocolProvider}); {@code --protocol NAME} selects it.
 */
public interface ProtocolProvider {
    /** The protocol, whose {@link Protocol#name()} is the name it is selected by. */
    Protocol protocol();
}
