/**
 * Text folding and whole-word containment shared by the scorer (harness) and the corpus counter (datasets and the
 * Spark job): {@link dev.tailgap.datasets.text.Normalizer} folds text, {@link dev.tailgap.datasets.text.Words} finds a
 * folded phrase on word boundaries.
 */
package dev.tailgap.datasets.text;
