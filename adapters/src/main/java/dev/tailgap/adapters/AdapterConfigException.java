package dev.tailgap.adapters;

/** A user mistake in how an adapter is configured (unknown provider, missing key, bad URL). One-line message. */
public final class AdapterConfigException extends Exception {
    public AdapterConfigException(String message) {
        super(message);
    }
}
