package dev.tailgap.harness.engine;

import dev.tailgap.datasets.Sha256;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.EndpointInfo;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an endpoint says it serves: the facts of {@link dev.tailgap.adapters.ModelAdapter#probe()} (llama.cpp
 * {@code /props}, {@code /v1/models}, an Ollama digest, a GGUF file) plus the {@code model} and
 * {@code system_fingerprint} of a live reply, keys sorted. A cached or resumed answer is valid only under an equal
 * identity: {@link #digest()} is what the response cache stores beside each answer and spec.json records per run.
 *
 * <p>{@link #known()} is false when the endpoint offered nothing beyond echoing the requested model name: then
 * tailgap cannot tell one model behind the URL from another, and answers recorded earlier are not reused unless the
 * user asks for it.
 */
public record ServedIdentity(Map<String, String> facts, boolean known) {
    static final String REPLY_MODEL = "reply.model";
    static final String REPLY_FINGERPRINT = "reply.system_fingerprint";

    public ServedIdentity {
        facts = Collections.unmodifiableMap(new TreeMap<>(facts));
    }

    /** The identity from a probe and one live reply to a request for {@code requestedModel}. */
    static ServedIdentity of(EndpointInfo probe, Completion reply, String requestedModel) {
        Map<String, String> facts = new TreeMap<>(probe.identity());
        if (reply.servedModel() != null) {
            facts.put(REPLY_MODEL, reply.servedModel());
        }
        if (reply.fingerprint() != null) {
            facts.put(REPLY_FINGERPRINT, reply.fingerprint());
        }
        boolean echoOnly = probe.identity().isEmpty() && reply.fingerprint() == null
                && (reply.servedModel() == null || reply.servedModel().equals(requestedModel));
        return new ServedIdentity(facts, !echoOnly);
    }

    /** The sha256 of the facts in canonical form, 16 hex digits: equal facts, equal digest. */
    public String digest() {
        StringBuilder sb = new StringBuilder();
        facts.forEach((k, v) -> sb.append(k).append('\u0000').append(v).append('\u0000'));
        return Sha256.hex(sb.toString()).substring(0, 16);
    }

    /** The identity as recorded in a run's files: its digest, whether it is known, and the facts. */
    Map<String, Object> record() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("digest", digest());
        m.put("known", known);
        m.put("facts", facts);
        return m;
    }

    /** Whether a reply names the same model and fingerprint as this identity's first reply. */
    boolean sameReply(Completion reply) {
        return java.util.Objects.equals(facts.get(REPLY_MODEL), reply.servedModel())
                && java.util.Objects.equals(facts.get(REPLY_FINGERPRINT), reply.fingerprint());
    }

    /** The facts that differ from {@code earlier}'s, as "KEY: A then, B now; ...", or empty when none. */
    String differencesFrom(Map<String, String> earlier) {
        return differencesFrom(earlier, "then", "now");
    }

    /**
     * The facts that differ from {@code earlier}'s, as "KEY: A at OTHER, B at THIS; ...", naming the two sides
     * {@code otherName} and {@code thisName}; empty when none.
     */
    String differencesFrom(Map<String, String> earlier, String otherName, String thisName) {
        SortedSet<String> keys = new TreeSet<>(earlier.keySet());
        keys.addAll(facts.keySet());
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            String then = earlier.get(k);
            String now = facts.get(k);
            if (!java.util.Objects.equals(then, now)) {
                sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ")
                        .append(then == null ? "absent" : then).append(' ').append(otherName).append(", ")
                        .append(now == null ? "absent" : now).append(' ').append(thisName);
            }
        }
        return sb.toString();
    }
}
