/**
 * Runs over time: the runs index ({@link dev.tailgap.harness.history.RunIndex}, SQLite in the runs directory, rebuilt
 * from the run directories whenever they changed), the entries it holds ({@link dev.tailgap.harness.history.RunEntry},
 * read by {@link dev.tailgap.harness.history.RunEntries}), the gate outcomes kept in each run directory
 * ({@link dev.tailgap.harness.history.GateRecord}), the baseline of a series
 * ({@link dev.tailgap.harness.history.Baselines}) and the trend of a series
 * ({@link dev.tailgap.harness.history.TrendBuilder}), each change tested against the previous run.
 */
package dev.tailgap.harness.history;
