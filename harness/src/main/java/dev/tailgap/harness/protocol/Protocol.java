package dev.tailgap.harness.protocol;

import dev.tailgap.harness.scoring.PromptTemplate;
import java.util.List;
import java.util.Objects;

/**
 * A named way of asking, as a paper asked: the {@code instruction} put before everything ("" for none), the question
 * {@code template} ({@link PromptTemplate}: {@code {question}}, {@code {concept}}, {@code {relation}}), the
 * {@code separator} between the instruction, each shot and the question, how many {@code shots} and how they are
 * chosen ({@code strategy}; {@link ShotStrategy#FIXED} takes {@code fixedShots}), the {@code stop} sequences and
 * {@code maxTokens} sent, and the {@code extraction} rule applied to the reply before scoring. {@code citation} names
 * the paper (and code) it follows and {@code description} says in one line what it does.
 *
 * <p>One prompt is {@code instruction + separator + shot_1 + separator + ... + shot_n + separator + question}, where a
 * shot is its question rendered by the template, a space and its answer, and the empty instruction is left out with its
 * separator. Asked as chat turns, each shot is a user message (the template) and an assistant message (the answer), the
 * instruction leading the first user message. Every field is overridable by the run's flags; a run records the
 * protocol's name with the fields in effect ({@link Prompting}, the spec's prompt and generation parameters).
 * Immutable.
 */
public record Protocol(String name, String description, String citation, String instruction, PromptTemplate template,
                       String separator, int shots, ShotStrategy strategy, List<Shot> fixedShots, List<String> stop,
                       int maxTokens, Extraction extraction) {
    public Protocol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(citation, "citation");
        instruction = instruction == null ? "" : instruction;
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(strategy, "strategy");
        fixedShots = fixedShots == null ? List.of() : List.copyOf(fixedShots);
        stop = stop == null ? List.of() : List.copyOf(stop);
        Objects.requireNonNull(extraction, "extraction");
        if (shots < 0) {
            throw new IllegalArgumentException("shots must be >= 0, got " + shots);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be >= 1, got " + maxTokens);
        }
        if (strategy == ShotStrategy.FIXED && shots > fixedShots.size()) {
            throw new IllegalArgumentException(shots + " fixed shots asked, but only " + fixedShots.size()
                    + " given");
        }
    }
}
