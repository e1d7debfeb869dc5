package dev.tailgap.adapters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Secret values an adapter holds (keys read from the environment), and the one way to keep them out of messages:
 * {@link #scrub} replaces every occurrence with {@code ***}. Servers echo keys back in error bodies and URLs can carry
 * them in a query, so adapters scrub every failure message before it leaves them (it may be written to a run's item
 * log). Values shorter than {@value #MIN_LENGTH} characters are not treated as secrets: scrubbing them would mangle
 * messages without protecting anything. Also the places where keys hide in what is written to a run's files: a URL's
 * user info, query and fragment ({@link #withoutCredentials}), and options whose name says they hold one
 * ({@link #isSecretName}).
 */
public final class Secrets {
    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "(?i).*(authori[sz]ation|api[-_.]?key|secret|password|passwd|cookie|credential|bearer).*");
    /** Shortest value treated as a secret. */
    public static final int MIN_LENGTH = 4;
    private static final Secrets NONE = new Secrets(List.of());

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    public static Secrets none() {
        return NONE;
    }

    public static Secrets of(Collection<String> values) {
        List<String> v = new ArrayList<>();
        for (String s : values) {
            if (s != null && s.length() >= MIN_LENGTH && !v.contains(s)) {
                v.add(s);
            }
        }
        v.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial leftovers
        return v.isEmpty() ? NONE : new Secrets(List.copyOf(v));
    }

    /** {@code text} with every secret value replaced by {@code ***}. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, "***");
        }
        return out;
    }

    /**
     * The same failure with a scrubbed message. When the message held a secret the cause is dropped too (its message
     * may hold the same value).
     */
    public AdapterException scrub(AdapterException e) {
        String message = e.getMessage();
        String clean = scrub(message);
        if (clean == null || clean.equals(message)) {
            return e;
        }
        return new AdapterException(e.kind(), clean, e.retryAfter().orElse(null), null);
    }

    /**
     * {@code url} without user info, query or fragment, the places where keys hide in a URL that is written to a
     * run's files; {@code null} stays {@code null}.
     */
    public static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        okhttp3.HttpUrl u = okhttp3.HttpUrl.parse(url);
        return u == null ? url.replaceAll("[?#].*$", "").replaceAll("//[^/@]*@", "//")
                : u.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    }

    /** Whether an option's name says it holds a secret (authorization, api key, secret, password, cookie, ...). */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }
}
