/**
 * The scoring core: from a model's raw answer to an outcome with a reason.
 *
 * <p>{@link dev.tailgap.harness.scoring.Scorer} is the plug-in contract; {@link dev.tailgap.harness.scoring.Scorers}
 * finds the {@link dev.tailgap.harness.scoring.ScorerProvider}s ({@code contains}, {@code exact}, {@code f1},
 * {@code regex}, the judge, and any on the class path). The rule scorers share
 * {@link dev.tailgap.harness.scoring.AnswerExtractor} (the answer line), {@link dev.tailgap.datasets.text.Normalizer}
 * (folding), the {@link dev.tailgap.harness.scoring.RefusalDetector} ("I don't know", hedged guesses) and the
 * {@link dev.tailgap.harness.scoring.AliasRule} for short golds. {@link dev.tailgap.harness.scoring.PromptTemplate} is
 * the question prompt those answers reply to.
 */
package dev.tailgap.harness.scoring;
