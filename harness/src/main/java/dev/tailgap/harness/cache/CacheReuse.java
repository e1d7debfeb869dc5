package dev.tailgap.harness.cache;

import java.util.Locale;

/**
 * Which stored answers the response cache may serve: {@link #IDENTITY} (the default) only those recorded under the
 * served identity the endpoint reports now, and none when it reports none; {@link #ALWAYS} any stored answer to the
 * same request, whatever model gave it (for endpoints that report no identity, at the user's risk: a model swapped
 * behind the same URL then replays the old model's answers); {@link #NEVER} none (answers are still stored).
 */
public enum CacheReuse {
    IDENTITY, ALWAYS, NEVER;

    /** The value named {@code identity}, {@code always} or {@code never}. */
    public static CacheReuse parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cache reuse must be identity, always or never, got '" + s + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
