package dev.tailgap.reports;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of gating one run: which run ({@code run}, as the user named it, and its {@code model}), the optional
 * {@code baseline} run and its model, the dataset, the significance level {@code alpha} of the baseline rules, and
 * one {@link GateResult} per rule in the order the rules were given. The gate passes when every rule passes.
 */
public record GateReport(String run, String model, DatasetRef dataset, String baseline, String baselineModel,
                         double alpha, List<GateResult> results) {

    public GateReport {
        Objects.requireNonNull(run, "run");
        results = List.copyOf(results);
    }

    /** True when every rule passed (and vacuously when there are none). */
    public boolean passed() {
        return results.stream().allMatch(GateResult::passed);
    }

    /** How many rules failed. */
    public long failures() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    /** "gate PASSED: all 3 rules passed" or "gate FAILED: 1 of 3 rules failed". */
    public String verdict() {
        int total = results.size();
        if (passed()) {
            return "gate PASSED: " + (total == 1 ? "the rule passed" : "all " + total + " rules passed");
        }
        return "gate FAILED: " + failures() + " of " + total + (total == 1 ? " rule" : " rules") + " failed";
    }
}
