/**
 * The scoring core: from a model's raw answer to an outcome.
 *
 * <p>{@link dev.tailgap.harness.scoring.AnswerExtractor} takes the answer line out of the completion;
 * {@link dev.tailgap.datasets.text.Normalizer} folds text for comparison; a
 * {@link dev.tailgap.harness.scoring.Matcher} ({@code contains}, the PopQA rule, or {@code exact}) checks it against
 * the gold answers; the {@link dev.tailgap.harness.scoring.AbstentionDetector} recognises "I don't know";
 * {@link dev.tailgap.harness.scoring.Scorer} combines them into CORRECT, HALLUCINATED or ABSTAINED.
 * {@link dev.tailgap.harness.scoring.PromptTemplate} is the question prompt those answers reply to.
 */
package dev.tailgap.harness.scoring;
