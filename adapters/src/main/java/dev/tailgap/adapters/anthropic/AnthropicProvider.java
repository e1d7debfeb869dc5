package dev.tailgap.adapters.anthropic;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelAdapterProvider;
import dev.tailgap.adapters.http.BaseUrls;
import dev.tailgap.adapters.http.StreamedReply;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Provider {@code anthropic}: the Messages API. Options: base URL (default {@value #DEFAULT_BASE_URL}; one ending in
 * {@code /v1} works too), key from the environment variable named by the config (default {@value #DEFAULT_KEY_ENV}),
 * always required; {@code stream=true|false} ({@link StreamedReply#requested}).
 */
public final class AnthropicProvider implements ModelAdapterProvider {
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String DEFAULT_KEY_ENV = "ANTHROPIC_API_KEY";

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public String description() {
        return "Anthropic Messages API /v1/messages; key in ANTHROPIC_API_KEY (or --api-key-env); whitespace-only "
                + "stop sequences are dropped; options: stream=true|false";
    }

    @Override
    public ModelAdapter create(AdapterConfig config) throws AdapterConfigException {
        config.requireKnownOptions(name(), List.of(StreamedReply.OPTION));
        String base = config.baseUrl() == null ? DEFAULT_BASE_URL : config.baseUrl();
        HttpUrl url = BaseUrls.parse(base, name());
        AdapterConfig effective = config.withDefaultApiKeyEnv(DEFAULT_KEY_ENV);
        effective.requireApiKey("the anthropic provider needs an API key (export "
                + effective.apiKeyEnv() + "=...)");
        String path = BaseUrls.lastSegment(url).equals("v1") ? "messages" : "v1/messages";
        return new AnthropicAdapter(url, effective, path, StreamedReply.requested(config));
    }
}
