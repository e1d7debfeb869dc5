package dev.tailgap.adapters.http;

import com.fasterxml.jackson.core.JsonPointer;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelAdapterProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Provider {@code http}: any JSON HTTP API. Options:
 * <ul>
 * <li>{@code url=URL} (or {@code --base-url}): where to POST; may reference environment variables as {@code ${NAME}};
 * <li>{@code body=TEMPLATE} or {@code body-file=FILE}: the JSON body with {@code {{prompt}}}, {@code {{system}}},
 * {@code {{model}}}, {@code {{temperature}}}, {@code {{max_tokens}}}, {@code {{stop}}}, {@code {{seed}}} (see
 * {@link BodyTemplate});
 * <li>{@code answer=POINTER}: JSON Pointer to the answer text, e.g. {@code /choices/0/text};
 * <li>{@code prompt-tokens=POINTER}, {@code completion-tokens=POINTER}: optional token counts;
 * <li>{@code error=POINTER}: optional; a reply with a non-null value there is a failure even with status 200;
 * <li>{@code header.NAME=VALUE}: request headers, whose values may reference environment variables as
 * {@code ${NAME}}.
 * </ul>
 * Options are written to the run spec as given, so a credential must come from a reference: a header that looks like
 * one (Authorization, Cookie, or a name with key, token, secret, password or auth in it) with a literal value is
 * refused. Resolved values never appear in messages.
 */
public final class HttpTemplateProvider implements ModelAdapterProvider {
    private static final Pattern CREDENTIAL_HEADER =
            Pattern.compile("(?i).*(authorization|cookie|key|token|secret|password|auth).*");

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "any JSON HTTP API: url=URL, body=TEMPLATE|body-file=FILE with {{prompt}} etc., answer=/json/pointer, "
                + "header.NAME=VALUE with ${ENV} references";
    }

    @Override
    public ModelAdapter create(AdapterConfig config) throws AdapterConfigException {
        config.requireKnownOptions(name(), List.of("url", "body", "body-file", "answer", "prompt-tokens",
                "completion-tokens", "error", "header."));
        if (config.apiKeyEnv() != null) {
            throw new AdapterConfigException("the http provider takes keys in headers, not --api-key-env: "
                    + "-o header.Authorization='Bearer ${" + config.apiKeyEnv() + "}'");
        }
        List<String> secrets = new ArrayList<>();
        Set<String> keyVariables = new LinkedHashSet<>();
        String urlTemplate = url(config);
        keyVariables.addAll(EnvRefs.names(urlTemplate));
        HttpUrl url;
        try {
            url = BaseUrls.parse(EnvRefs.resolve(urlTemplate, config.env(), "option url", secrets), name());
        } catch (AdapterConfigException notAUrl) { // name the URL as written: the resolved one may hold a key
            throw new AdapterConfigException("url '" + urlTemplate + "' for provider http is not an http(s) URL "
                    + "(e.g. http://127.0.0.1:8000/generate)");
        }

        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : config.options().entrySet()) {
            if (!e.getKey().startsWith("header.")) {
                continue;
            }
            String header = e.getKey().substring("header.".length());
            String where = "option " + e.getKey();
            if (CREDENTIAL_HEADER.matcher(header).matches() && !EnvRefs.hasRefs(e.getValue())) {
                throw new AdapterConfigException(where + " looks like a credential but holds a literal value, which "
                        + "would be written to the run spec: put it in an environment variable and reference it, e.g. "
                        + e.getKey() + "='Bearer ${MY_KEY}'");
            }
            keyVariables.addAll(EnvRefs.names(e.getValue()));
            String value = EnvRefs.resolve(e.getValue(), config.env(), where, secrets);
            try {
                Headers.of(header, value);
            } catch (IllegalArgumentException bad) {
                throw new AdapterConfigException(where + ": not a valid HTTP header name or value "
                        + "(ASCII only, no line breaks)");
            }
            headers.put(header, value);
        }
        return new HttpTemplateAdapter(url, config, secrets, body(config), headers,
                pointer(config, "answer", true), pointer(config, "prompt-tokens", false),
                pointer(config, "completion-tokens", false), pointer(config, "error", false),
                new ArrayList<>(keyVariables));
    }

    private String url(AdapterConfig config) throws AdapterConfigException {
        String option = config.option("url").orElse(null);
        if (option != null && config.baseUrl() != null && !option.equals(config.baseUrl())) {
            throw new AdapterConfigException("the http provider got two URLs (--base-url " + config.baseUrl()
                    + " and -o url=" + option + "): give one");
        }
        String url = option != null ? option : config.baseUrl();
        if (url == null) {
            throw new AdapterConfigException("the http provider needs the URL to POST to: -o url=http://host/path "
                    + "(or --base-url)");
        }
        return url;
    }

    private static BodyTemplate body(AdapterConfig config) throws AdapterConfigException {
        String inline = config.option("body").orElse(null);
        String file = config.option("body-file").orElse(null);
        if (inline != null && file != null) {
            throw new AdapterConfigException("the http provider got both body and body-file: give one");
        }
        if (inline != null) {
            return BodyTemplate.parse(inline, "option body");
        }
        if (file == null) {
            throw new AdapterConfigException("the http provider needs a request body template: -o body-file=FILE or "
                    + "-o body='{\"prompt\": \"{{prompt}}\", \"max_tokens\": {{max_tokens}}}'");
        }
        try {
            return BodyTemplate.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new AdapterConfigException("cannot read body template file " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    private static JsonPointer pointer(AdapterConfig config, String option, boolean required)
            throws AdapterConfigException {
        String v = config.option(option).orElse(null);
        if (v == null) {
            if (required) {
                throw new AdapterConfigException("the http provider needs the JSON Pointer of the answer in the reply, "
                        + "e.g. -o answer=/choices/0/text");
            }
            return null;
        }
        try {
            return JsonPointer.compile(v);
        } catch (IllegalArgumentException e) {
            throw new AdapterConfigException("option " + option + "=" + v + " is not a JSON Pointer (RFC 6901: "
                    + "it starts with /, e.g. /choices/0/text)");
        }
    }
}
