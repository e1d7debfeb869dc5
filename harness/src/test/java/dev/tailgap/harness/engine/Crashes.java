package dev.tailgap.harness.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Leaves a finished run directory as a crash after some items would have: a shorter log, the state "running". */
public final class Crashes {
    private Crashes() {
    }

    /** Keeps the first {@code lines} lines of the item log (plus {@code torn}, unterminated) and marks it running. */
    public static void crashAfter(Path dir, int lines, String torn) throws IOException {
        Path log = dir.resolve(RunDirectory.ITEMS);
        List<String> all = Files.readAllLines(log);
        Files.writeString(log, String.join("\n", all.subList(0, lines)) + "\n" + torn);
        markRunning(dir);
    }

    /** Sets spec.json's state to running, as a killed attempt leaves it. */
    public static void markRunning(Path dir) throws IOException {
        Path spec = dir.resolve(RunDirectory.SPEC);
        ObjectNode root = (ObjectNode) RunDirectory.JSON.readTree(spec.toFile());
        ((ObjectNode) root.get(RunDirectory.STATE_KEY)).put("status", "running");
        Files.writeString(spec, RunDirectory.prettyJson(root));
    }
}
