package dev.tailgap.adapters.openai;

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
 * Provider {@code openai}: any OpenAI-compatible server. Options: base URL (default {@value #DEFAULT_BASE_URL}),
 * {@code api=chat|completions} (default chat), {@code stream=true|false} ({@link StreamedReply#requested}),
 * {@code body.KEY=VALUE} request-body fields ({@link BodyOptions}), key from
 * the environment variable named by the config (default {@value #DEFAULT_KEY_ENV}). A key is required for the
 * default base URL, or when a variable is named explicitly; local servers need none.
 */
public final class OpenAiProvider implements ModelAdapterProvider {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_KEY_ENV = "OPENAI_API_KEY";

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String description() {
        return "OpenAI-compatible /chat/completions or /completions (OpenAI, vLLM, llama.cpp llama-server, "
                + "LM Studio, TGI, Ollama /v1); options: --base-url, --api-key-env, api=chat|completions, "
                + "stream=true|false, body.KEY=JSON (passed through in the request body)";
    }

    @Override
    public ModelAdapter create(AdapterConfig config) throws AdapterConfigException {
        config.requireKnownOptions(name(), List.of("api", StreamedReply.OPTION, BodyOptions.PREFIX));
        BodyOptions extra = BodyOptions.of(config);
        extra.refuse(OpenAiAdapter.OWNED, name());
        String base = config.baseUrl() == null ? DEFAULT_BASE_URL : config.baseUrl();
        HttpUrl url = BaseUrls.parse(base, name());
        boolean needsKey = config.apiKeyEnv() != null || base.equals(DEFAULT_BASE_URL);
        AdapterConfig effective = config.withDefaultApiKeyEnv(DEFAULT_KEY_ENV);
        if (needsKey) {
            effective.requireApiKey("the openai provider at " + base + " needs an API key (export "
                    + effective.apiKeyEnv() + "=..., or use --base-url for a local server that needs none)");
        }
        return new OpenAiAdapter(url, effective, config.enumOption("api", OpenAiAdapter.Api.class,
                OpenAiAdapter.Api.CHAT), StreamedReply.requested(config), extra);
    }
}
