package dev.tailgap.harness.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a run asks each item beyond its question template and generation parameters (which the run spec holds as its
 * prompt and params): the {@code protocol} it follows (a {@link Protocols} name), the {@code instruction} before
 * everything ("" for none) and the {@code separator} between instruction, shots and question, how many {@code shots}
 * and how they are chosen ({@code strategy}; {@link ShotStrategy#FIXED} shows {@code fixedShots}), whether shots go as
 * chat turns ({@code shotsAsTurns}) or inside the one user message, the {@code extraction} rule applied to each reply
 * before scoring, the per-relation question templates ({@code relationTemplates}: relation to a text with
 * {@code {subject}}, the item's concept; empty: the dataset's own questions) and where they came from
 * ({@code templatesSource}, {@code null} for none), and how many times each item is asked ({@code samples}). Immutable.
 */
public record Prompting(String protocol, String instruction, String separator, int shots, ShotStrategy strategy,
                        List<Shot> fixedShots, boolean shotsAsTurns, Extraction extraction,
                        Map<String, String> relationTemplates, String templatesSource, int samples) {
    /** The most samples a run asks per item. */
    public static final int MAX_SAMPLES = 1000;

    /** The default: {@code zero-shot}, asked once, the dataset's questions. */
    public static final Prompting DEFAULTS = of(ZeroShotProtocol.PROTOCOL);

    public Prompting {
        Objects.requireNonNull(protocol, "protocol");
        instruction = instruction == null ? "" : instruction;
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(strategy, "strategy");
        fixedShots = fixedShots == null ? List.of() : List.copyOf(fixedShots);
        Objects.requireNonNull(extraction, "extraction");
        relationTemplates = relationTemplates == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(relationTemplates));
        if (shots < 0) {
            throw new IllegalArgumentException("--shots must be >= 0, got " + shots);
        }
        if (strategy == ShotStrategy.FIXED && shots > fixedShots.size()) {
            throw new IllegalArgumentException(shots + " shots asked, but only " + fixedShots.size()
                    + " fixed ones given");
        }
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("--samples must be between 1 and " + MAX_SAMPLES + ", got " + samples);
        }
        if (shotsAsTurns && shots == 0) {
            throw new IllegalArgumentException("--shots-as-turns needs shots (--shots N or --shots-file)");
        }
    }

    /** The asking part of {@code p}: asked once, shots in the message, the dataset's questions. */
    public static Prompting of(Protocol p) {
        return new Prompting(p.name(), p.instruction(), p.separator(), p.shots(), p.strategy(), p.fixedShots(), false,
                p.extraction(), Map.of(), null, 1);
    }

    /** Whether shots are drawn from the dataset (rather than fixed, or none). */
    public boolean drawsShots() {
        return shots > 0 && strategy != ShotStrategy.FIXED;
    }
}
