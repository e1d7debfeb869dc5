package dev.tailgap.adapters.ollama;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelAdapterProvider;
import dev.tailgap.adapters.http.BaseUrls;
import dev.tailgap.adapters.http.BodyOptions;
import dev.tailgap.adapters.http.StreamedReply;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Provider {@code ollama}: Ollama's native API. Options: base URL (default {@value #DEFAULT_BASE_URL}, Ollama's root,
 * not its OpenAI-compatible {@code /v1}), {@code api=chat|generate} (default chat), {@code stream=true|false}
 * ({@link StreamedReply#requested}), and an optional key variable
 * ({@code --api-key-env}) sent as a bearer token. Ollama itself needs no key.
 */
public final class OllamaProvider implements ModelAdapterProvider {
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:11434";

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public String description() {
        return "Ollama native /api/chat or /api/generate; options: --base-url (default " + DEFAULT_BASE_URL
                + "), api=chat|generate, stream=true|false, body.KEY=JSON (top-level fields, else in options)";
    }

    @Override
    public ModelAdapter create(AdapterConfig config) throws AdapterConfigException {
        config.requireKnownOptions(name(), List.of("api", StreamedReply.OPTION, BodyOptions.PREFIX));
        BodyOptions extra = BodyOptions.of(config).under("options", OllamaAdapter.TOP_LEVEL);
        extra.refuse(OllamaAdapter.OWNED, name());
        String base = config.baseUrl() == null ? DEFAULT_BASE_URL : config.baseUrl();
        HttpUrl url = BaseUrls.parse(base, name());
        if (BaseUrls.lastSegment(url).equals("v1")) {
            throw new AdapterConfigException("base URL " + base + " is Ollama's OpenAI-compatible API: use "
                    + "-m openai:" + config.model() + " with it, or drop /v1 for the native ollama provider");
        }
        if (config.apiKeyEnv() != null) {
            config.requireApiKey("export it, or leave --api-key-env out (Ollama itself needs no key)");
        }
        return new OllamaAdapter(url, config, config.enumOption("api", OllamaAdapter.Api.class,
                OllamaAdapter.Api.CHAT), StreamedReply.requested(config), extra);
    }
}
