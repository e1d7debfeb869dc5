package dev.tailgap.harness.scoring;

/**
 * An extracted answer (see {@link AnswerExtractor}) in the forms the rules compare: as written, folded
 * ({@link Normalizer#fold(String)}) and split into words as written ({@link Tokens}). Immutable.
 */
record Answer(String extracted, String folded, Tokens tokens) {

    static Answer of(String extracted) {
        return new Answer(extracted, Normalizer.fold(extracted), Tokens.of(extracted));
    }
}
