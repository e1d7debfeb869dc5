package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
/**
 * An extracted answer (see {@link AnswerExtractor}) in the forms the rules compare: as written, folded
 * ({@link Normalizer#fold(String)}) and, computed when first asked, split into words as written ({@link Tokens}).
 * Used by one scoring call at a time (not shared between threads).
 */
final class Answer {
    private final String extracted;
    private final String folded;
    private Tokens tokens;

    private Answer(String extracted, String folded) {
        this.extracted = extracted;
        this.folded = folded;
    }

    static Answer of(String extracted) {
        return new Answer(extracted, Normalizer.fold(extracted));
    }

    String extracted() {
        return extracted;
    }

    String folded() {
        return folded;
    }

    Tokens tokens() {
        if (tokens == null) {
            tokens = Tokens.of(extracted);
        }
        return tokens;
    }
}
