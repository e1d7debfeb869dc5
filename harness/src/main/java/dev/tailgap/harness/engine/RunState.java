package dev.tailgap.harness.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a run stands, as its spec.json records it: {@code status}, how many items it {@code planned} to ask, and the
 * 1-based {@code attempt} that last wrote it. A run is complete only when an attempt asked every planned item and
 * finished; {@code report}, {@code gate} and {@code compare} refuse anything else unless told to accept it.
 */
public record RunState(Status status, long planned, int attempt) {

    /** A run's status. */
    public enum Status {
        /** An attempt is asking items (or died doing so). */
        RUNNING,
        /** An attempt stopped before asking every item (Ctrl-C, the endpoint failed). */
        STOPPED,
        /** Every planned item was asked. */
        COMPLETE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean complete() {
        return status == Status.COMPLETE;
    }

    RunState with(Status s) {
        return new RunState(s, planned, attempt);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.label());
        m.put("planned", planned);
        m.put("attempt", attempt);
        return m;
    }

    /** The state in a spec.json section, or {@code null} when there is none. */
    public static RunState of(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        Status status;
        try {
            status = Status.valueOf(n.path("status").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            status = Status.RUNNING;
        }
        return new RunState(status, n.path("planned").asLong(-1), Math.max(1, n.path("attempt").asInt(1)));
    }
}
