package dev.tailgap.reports;

import java.util.Objects;

/**
 * What an LLM judge said about one item: its verdict ({@code correct}, {@code incorrect} or {@code unsure}; {@code null}
 * when the reply could not be read or the call failed), the judge's raw reply ({@code null} when the call failed),
 * who judged ({@code provider:model} and the template's short hash), and the outcome the rule-based scorer gives the
 * same answer, for the judge-vs-rule agreement table.
 */
public record JudgeVerdict(String verdict, String reply, String judge, Outcome ruleOutcome) {
    public JudgeVerdict {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(ruleOutcome, "ruleOutcome");
    }
}
