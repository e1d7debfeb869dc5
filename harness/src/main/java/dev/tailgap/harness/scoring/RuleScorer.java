package dev.tailgap.harness.scoring;

import dev.tailgap.reports.Outcome;

/**
 * A rule-based scorer: extracts the answer ({@link AnswerExtractor}), asks the {@link RefusalDetector}, then the
 * {@link Matcher}. A refusal is ABSTAINED; a hedged guess is ABSTAINED under {@link HedgePolicy#ABSTAIN} and scored
 * like an answer under {@link HedgePolicy#ANSWER}; an answer is CORRECT when the matcher finds a gold, else
 * HALLUCINATED. The refusal check comes first, so "I can't say" is never credited for a gold hidden in it.
 */
public final class RuleScorer implements Scorer {
    private final String name;
    private final Matcher matcher;
    private final HedgePolicy hedged;
    private final String settings;

    RuleScorer(String name, String settings, Matcher matcher, HedgePolicy hedged) {
        this.name = name;
        this.settings = settings;
        this.matcher = matcher;
        this.hedged = hedged;
    }

    /** The {@code contains} scorer with the default hedging policy and alias rule. */
    public static RuleScorer contains() {
        return new RuleScorer(ContainsProvider.NAME, "", new ContainsMatcher(AliasRule.GUARDED), HedgePolicy.DEFAULT);
    }

    @Override
    public String describe() {
        return name + settings + "+" + RefusalDetector.ID + "+hedged:" + hedged.label();
    }

    @Override
    public Verdict score(ScoringItem item, String rawAnswer) {
        String extracted = AnswerExtractor.extract(rawAnswer);
        Answer answer = Answer.of(extracted);
        RefusalDetector.Result r = RefusalDetector.defaults().classify(answer);
        if (r.kind() == RefusalDetector.Kind.REFUSAL) {
            return new Verdict(Outcome.ABSTAINED, extracted, "refusal: " + r.cue());
        }
        if (r.kind() == RefusalDetector.Kind.HEDGED && hedged == HedgePolicy.ABSTAIN) {
            return new Verdict(Outcome.ABSTAINED, extracted, "hedged guess (" + r.cue() + "), --hedged abstain");
        }
        Matcher.Match m = matcher.match(answer, item);
        if (m.undecided()) {
            return Verdict.error(extracted, m.reason());
        }
        String reason = r.kind() == RefusalDetector.Kind.HEDGED ? m.reason() + "; hedged (" + r.cue() + ")"
                : m.reason();
        return new Verdict(m.correct() ? Outcome.CORRECT : Outcome.HALLUCINATED, extracted, reason);
    }

    @Override
    public String toString() {
        return describe();
    }
}
