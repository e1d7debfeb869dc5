package dev.tailgap.reports;

import java.util.Objects;

/**
 * How an LLM judge and the rule-based scorer agree on one bucket (or {@code "all"}): over its {@code n} scored items,
 * how many both call correct, only the judge, only the rule, neither; Cohen's kappa of the two on correct-or-not with
 * its 95% interval (NaN when undefined). Head-to-Tail reports the same comparison as a correlation of A_LM and A_EM.
 */
public record JudgeAgreement(String bucket, long n, long both, long judgeOnly, long ruleOnly, long neither,
                             double kappa, double kappaLow, double kappaHigh) {
    public JudgeAgreement {
        Objects.requireNonNull(bucket, "bucket");
        if (both + judgeOnly + ruleOnly + neither != n) {
            throw new IllegalArgumentException("agreement counts do not add up to n");
        }
    }

    /** The judge's accuracy, {@code (both + judgeOnly) / n} (NaN for n = 0). */
    public double judgeAccuracy() {
        return n == 0 ? Double.NaN : (double) (both + judgeOnly) / n;
    }

    /** The rule scorer's accuracy, {@code (both + ruleOnly) / n}. */
    public double ruleAccuracy() {
        return n == 0 ? Double.NaN : (double) (both + ruleOnly) / n;
    }

    /** Share of items on which both say the same. */
    public double agreement() {
        return n == 0 ? Double.NaN : (double) (both + neither) / n;
    }
}
