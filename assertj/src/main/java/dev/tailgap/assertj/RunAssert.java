package dev.tailgap.assertj;

import dev.tailgap.harness.gate.Gate;
import dev.tailgap.harness.gate.Rule;
import dev.tailgap.harness.gate.RulesFile;
import dev.tailgap.harness.gate.RunResults;
import dev.tailgap.reports.GateReport;
import dev.tailgap.reports.GateResult;
import dev.tailgap.reports.GateTerminal;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions over one run; see {@link TailgapAssertions}. */
public final class RunAssert extends AbstractAssert<RunAssert, RunResults> {

    RunAssert(RunResults actual) {
        super(actual, RunAssert.class);
    }

    /** A bucket by name, {@code head}/{@code tail} (the buckets the report's gap compares), or {@code overall}. */
    public BucketAssert bucket(String nameOrAlias) {
        isNotNull();
        return new BucketAssert(this, null, nameOrAlias, Gate.DEFAULT_ALPHA);
    }

    /** Every item of the run. */
    public BucketAssert overall() {
        return bucket("overall");
    }

    /** The head-versus-tail gap: {@code accuracy()} is head minus tail, {@code hallucination()} tail minus head. */
    public BucketAssert gap() {
        isNotNull();
        return new BucketAssert(this, null, "gap", Gate.DEFAULT_ALPHA);
    }

    /** Comparisons with a baseline run on the same dataset, over the items scored in both. */
    public ComparisonAssert comparedTo(Path baselineRunDir) {
        return comparedTo(RunResults.read(baselineRunDir));
    }

    /** Comparisons with a baseline run on the same dataset, over the items scored in both. */
    public ComparisonAssert comparedTo(RunResults baseline) {
        isNotNull();
        return new ComparisonAssert(this, baseline, Gate.DEFAULT_ALPHA);
    }

    /** Passes when every rule passes, e.g. {@code passesGate("tail.accuracy >= 0.3", "errors.rate <= 0.01")}. */
    public RunAssert passesGate(String... rules) {
        List<Rule> parsed = new ArrayList<>();
        for (String r : rules) {
            parsed.add(Rule.parse(r, null));
        }
        return passes(parsed, null, Gate.DEFAULT_ALPHA);
    }

    /** Passes when every rule of a gate rules file passes (without a baseline). */
    public RunAssert passesGate(Path rulesFile) {
        RulesFile file = RulesFile.read(rulesFile);
        return passes(file.rules(), null, file.alpha() == null ? Gate.DEFAULT_ALPHA : file.alpha());
    }

    RunAssert passes(List<Rule> rules, RunResults baseline, double alpha) {
        isNotNull();
        GateReport g = Gate.evaluate(rules, actual, baseline, alpha);
        if (!g.passed()) {
            failWithMessage("%nExpected the run to pass the gate, but%n%s", GateTerminal.render(g));
        }
        return myself;
    }

    /** Evaluates one rule and fails with its summary unless it passes. */
    void check(String ruleText, RunResults baseline, double alpha) {
        Rule rule = Rule.parse(ruleText, null);
        GateResult r = Gate.evaluate(List.of(rule), actual, baseline, alpha).results().get(0);
        if (!r.passed()) {
            failWithMessage("%nExpecting run %s to satisfy%n  %s%nbut%n  %s", actual.label(), r.rule(), r.summary());
        }
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a threshold must be a finite number, got " + v);
        }
        return BigDecimal.valueOf(v).toPlainString();
    }
}
