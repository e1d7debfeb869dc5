/**
 * The record of a run, as reports, {@code gate} and {@code compare} read it: the saved run's identity and settings
 * ({@link dev.tailgap.harness.record.SavedRun}), the order-independent aggregation of its item results into a report
 * ({@link dev.tailgap.harness.record.Aggregator}, with the answer consistency of repeated samples and the run's
 * totals), and the compact per-item outcome table that pairs two runs item by item
 * ({@link dev.tailgap.harness.record.RunOutcomes}). Reading needs no model, endpoint or cache.
 */
package dev.tailgap.harness.record;
