package dev.tailgap.adapters.http;

import dev.tailgap.adapters.AdapterConfigException;
import okhttp3.HttpUrl;

/** Parses a provider's base URL option, or says in one line why it is not one. */
public final class BaseUrls {
    private BaseUrls() {
    }

    public static HttpUrl parse(String url, String provider) throws AdapterConfigException {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new AdapterConfigException("base URL '" + url + "' for provider " + provider
                    + " is not an http(s) URL (e.g. http://127.0.0.1:8000/v1)");
        }
        return parsed;
    }

    /** The URL's last non-empty path segment ({@code v1} for {@code http://host/v1/}), or {@code ""}. */
    public static String lastSegment(HttpUrl url) {
        java.util.List<String> segments = url.pathSegments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!segments.get(i).isEmpty()) {
                return segments.get(i);
            }
        }
        return "";
    }
}
