package dev.tailgap.harness;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Keeps secrets out of what tailgap writes. API keys are only ever read from environment variables; these helpers
 * strip the places where keys sometimes hide anyway: a URL's user info, query and fragment, and options whose name
 * says they hold one.
 */
public final class Secrets {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(authori[sz]ation|api[-_.]?key|secret|password|passwd|cookie|credential|bearer).*");

    private Secrets() {
    }

    /** {@code url} without user info, query or fragment; {@code null} stays {@code null}. */
    public static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        HttpUrl u = HttpUrl.parse(url);
        return u == null ? url.replaceAll("[?#].*$", "").replaceAll("//[^/@]*@", "//")
                : u.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    }

    /** Whether an option's name says it holds a secret (authorization, api key, secret, password, cookie, ...). */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }
}
