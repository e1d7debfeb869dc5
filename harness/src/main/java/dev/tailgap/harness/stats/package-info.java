/**
 * The statistics tailgap reports: Wilson score intervals for per-bucket proportions, Newcombe's hybrid score intervals
 * for differences (independent buckets and paired runs), the exact McNemar test with Holm's step-down correction,
 * and the log-linear fit of accuracy against log10(frequency). Every method is checked against an independent
 * implementation (scipy) through a committed test fixture.
 */
package dev.tailgap.harness.stats;
