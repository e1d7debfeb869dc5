package dev.tailgap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract for the {@code http} provider, configured for a Hugging Face TGI {@code /generate} endpoint: a
 * template body, a key header and a key in the URL query from environment variables, answer and token count by JSON
 * Pointer.
 */
class HttpTemplateAdapterTest extends HttpAdapterContract {
    static final String TGI_BODY = "{\"inputs\": \"{{prompt}}\", \"parameters\": {\"temperature\": {{temperature}}, "
            + "\"max_new_tokens\": {{max_tokens}}, \"stop\": {{stop}}, \"seed\": {{seed}}, \"details\": true}, "
            + "\"system\": \"{{system}}\", \"model\": \"{{model}}\"}";

    @TempDir
    Path dir;

    HttpTemplateAdapterTest() {
        super("/", "tgi-generate.json", new Completion(" France", Completion.UNKNOWN, 2),
                "/generate?api-key=" + SECRET);
    }

    private Map<String, String> options(String url) {
        Map<String, String> o = new HashMap<>();
        o.put("url", url + "generate?api-key=${" + KEY_ENV + "}");
        o.put("body", TGI_BODY);
        o.put("answer", "/generated_text");
        o.put("completion-tokens", "/details/generated_tokens");
        o.put("header.Authorization", "Bearer ${" + KEY_ENV + "}");
        o.put("header.X-Client", "tailgap");
        return o;
    }

    private static ModelAdapter create(Map<String, String> options, Map<String, String> env) throws Exception {
        return new HttpTemplateProvider().create(new AdapterConfig("contract-model", null, null, options,
                LONG_TIMEOUT, 1, env::get));
    }

    @Override
    protected ModelAdapter create(String baseUrl, Duration timeout, Map<String, String> env)
            throws AdapterConfigException {
        return new HttpTemplateProvider().create(new AdapterConfig("contract-model", null, null, options(baseUrl),
                timeout, 1, env::get));
    }

    @Override
    protected void checkRequest(RecordedRequest r, JsonNode body) {
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(r.getHeader("X-Client")).isEqualTo("tailgap");
        assertThat(body.get("inputs").asText()).isEqualTo("Question: In what country is Lyon?\nAnswer:");
        assertThat(body.get("system").asText()).isEqualTo("Answer briefly.");
        assertThat(body.get("model").asText()).isEqualTo("contract-model");
        assertThat(body.at("/parameters/temperature").asDouble()).isEqualTo(0.25);
        assertThat(body.at("/parameters/max_new_tokens").asInt()).isEqualTo(16);
        assertThat(body.at("/parameters/stop")).hasSize(2);
        assertThat(body.at("/parameters/stop/0").asText()).isEqualTo("\n");
        assertThat(body.at("/parameters/seed").asLong()).isEqualTo(42L);
        assertThat(body.at("/parameters/details").asBoolean()).isTrue();
    }

    @Override
    protected List<String> malformedReplies() {
        return List.of("{\"details\":{\"generated_tokens\":2}}", "{\"generated_text\":null}",
                "{\"generated_text\":[\"France\"]}", "[{\"generated_text\":\"France\"}]");
    }

    @Test
    void textIsJsonEscapedAndAMissingSystemPlaceholderPrependsTheSystemMessage() throws Exception {
        server.enqueue(json(200, "{\"out\":{\"text\":\"ok\"},\"usage\":{\"in\":7,\"out\":1}}"));
        Map<String, String> o = Map.of("url", server.url("/complete").toString(),
                "body", "{\"prompt\":\"{{prompt}}\",\"n\":{{max_tokens}},\"seed\":{{seed}},\"stop\":{{stop}}}",
                "answer", "/out/text", "prompt-tokens", "/usage/in", "completion-tokens", "/usage/out");
        String prompt = "Say \"hi\"\\ \u00fcber\ttab\nnew line \u2028 </script>";
        try (ModelAdapter a = create(o, Map.of())) {
            Completion c = a.complete(new CompletionRequest("m", prompt, "Sys \"x\"",
                    new GenerationParams(0, 5, List.of(), null)));
            assertThat(c).isEqualTo(new Completion("ok", 7, 1));
        }
        RecordedRequest r = server.takeRequest();
        assertThat(r.getPath()).isEqualTo("/complete");
        JsonNode body = JSON.readTree(r.getBody().readUtf8());
        assertThat(body.get("prompt").asText()).isEqualTo("Sys \"x\"\n\n" + prompt);
        assertThat(body.get("seed").isNull()).isTrue();
        assertThat(body.get("stop")).isEmpty();
        assertThat(r.getHeader("Authorization")).isNull();
    }

    @Test
    void bodyTemplateFromAFileAndAnErrorPointer() throws Exception {
        Path template = dir.resolve("body.json");
        Files.writeString(template, "{\n  \"text\": \"{{prompt}}\"\n}\n", StandardCharsets.UTF_8);
        server.enqueue(json(200, "{\"result\":null,\"error\":{\"code\":7,\"message\":\"quota\"}}"));
        server.enqueue(json(200, "{\"result\":\"Paris\",\"error\":null}"));
        try (ModelAdapter a = create(Map.of("url", server.url("/x").toString(), "body-file", template.toString(),
                "answer", "/result", "error", "/error"), Map.of())) {
            var e = failure(a);
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED);
            assertThat(e.getMessage()).contains("error in reply at /error").contains("quota");
            assertThat(a.complete(request()).text()).isEqualTo("Paris");
        }
        assertThat(JSON.readTree(server.takeRequest().getBody().readUtf8()).get("text").asText())
                .startsWith("Answer briefly.\n\nQuestion:");
    }

    @Test
    void optionsAsWrittenToTheRunSpecHoldReferencesNeverValues() throws Exception {
        Map<String, String> o = options(server.url("/").toString());
        server.enqueue(json(200, answerBody()));
        try (ModelAdapter a = create(o, Map.of(KEY_ENV, SECRET))) {
            a.complete(request());
        }
        AdapterConfig config = new AdapterConfig("m", null, null, o, null, 1, Map.of(KEY_ENV, SECRET)::get);
        assertThat(config.options().toString()).doesNotContain(SECRET).contains("${" + KEY_ENV + "}");
    }

    @Test
    void configurationMistakesAreOneLineErrorsThatNameTheOptionAndNeverTheSecret() {
        String url = server.url("/g").toString();
        Map<String, String> env = Map.of(KEY_ENV, SECRET);
        assertConfigError(Map.of("body", "{\"p\":\"{{prompt}}\"}", "answer", "/a"), env, "-o url=");
        assertConfigError(Map.of("url", url, "answer", "/a"), env, "body-file=FILE");
        assertConfigError(Map.of("url", url, "body", "{\"p\":\"{{prompt}}\"}"), env, "answer=/choices/0/text");
        assertConfigError(Map.of("url", url, "body", "{\"p\":\"{{prompt}}\"}", "answer", "choices"), env,
                "not a JSON Pointer");
        assertConfigError(Map.of("url", url, "body", "{\"p\":\"{{prompt}}\", \"t\": {{temp}}}", "answer", "/a"), env,
                "unknown placeholder {{temp}}");
        assertConfigError(Map.of("url", url, "body", "{\"p\":\"hi\"}", "answer", "/a"), env, "no {{prompt}}");
        assertConfigError(Map.of("url", url, "body", "{\"p\": {{prompt}} }", "answer", "/a"), env,
                "not valid JSON once filled in");
        assertConfigError(Map.of("url", url, "body", "{\"s\":\"{{stop}}\",\"p\":\"{{prompt}}\"}", "answer", "/a"),
                env, "not valid JSON once filled in");
        assertConfigError(Map.of("url", url, "body", "{\"p\":\"{{prompt}}\"} trailing", "answer", "/a"), env,
                "not valid JSON once filled in");
        assertConfigError(Map.of("url", url, "body-file", dir.resolve("missing.json").toString(), "answer", "/a"),
                env, "cannot read body template file");
        assertConfigError(Map.of("url", url, "body", "{\"p\":\"{{prompt}}\"}", "answer", "/a",
                "header.Authorization", "Bearer sk-literal"), env, "looks like a credential");
        assertConfigError(Map.of("url", url, "body", "{\"p\":\"{{prompt}}\"}", "answer", "/a",
                "header.X-Api-Key", "${NOT_SET_ANYWHERE}"), env, "NOT_SET_ANYWHERE is not set");
        assertConfigError(Map.of("url", url, "body", "{\"p\":\"{{prompt}}\"}", "answer", "/a",
                "header.X-Note", "two\nlines ${" + KEY_ENV + "}"), env, "option header.X-Note");
        assertConfigError(Map.of("url", "ftp://${" + KEY_ENV + "}@host/", "body", "{\"p\":\"{{prompt}}\"}",
                "answer", "/a"), env, "url 'ftp://${" + KEY_ENV + "}@host/'");
        assertConfigError(Map.of("url", url, "body", "{\"p\":\"{{prompt}}\"}", "answer", "/a", "method", "GET"),
                env, "no option method");
        assertThatThrownBy(() -> new HttpTemplateProvider().create(new AdapterConfig("m", null, "MY_KEY",
                Map.of("url", url, "body", "{\"p\":\"{{prompt}}\"}", "answer", "/a"), null, 1, env::get)))
                .hasMessageContaining("header.Authorization='Bearer ${MY_KEY}'");
    }

    @Test
    void authFailureNamesTheVariablesTheHeadersUse() throws Exception {
        server.enqueue(json(401, "{\"error\":\"unauthorized\"}"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThat(failure(a).getMessage()).contains("check the key in environment variable " + KEY_ENV);
        }
    }

    private static void assertConfigError(Map<String, String> options, Map<String, String> env, String says) {
        assertThatThrownBy(() -> create(options, env))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining(says)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("\n"));
    }
}
