package dev.tailgap.harness.judge;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.engine.ModelCall;
import dev.tailgap.harness.scoring.HedgePolicy;
import dev.tailgap.harness.scoring.RefusalDetector;
import dev.tailgap.harness.scoring.Scorer;
import dev.tailgap.harness.scoring.ScoringItem;
import dev.tailgap.harness.scoring.Verdict;
import dev.tailgap.reports.JudgeVerdict;
import dev.tailgap.reports.Outcome;
import java.util.List;

/**
 * The LLM judge ({@code judge}), after Head-to-Tail (Sun et al. 2024): a refusal or an empty answer is ABSTAINED by
 * the same string check as the rule scorers (no judge call; a hedged guess too under {@code --hedged abstain});
 * every other answer goes to the judge model with the {@link JudgeTemplate}, and its verdict decides: correct →
 * CORRECT, incorrect → HALLUCINATED, unsure → ABSTAINED. A failed judge call or an unreadable reply is an ERROR,
 * never a hallucination. Each judged item records the verdict, the raw reply, the judge's identity and what the rule
 * scorer ({@code contains}) says, for the agreement table.
 *
 * <p>Judge requests: temperature 0, at most {@value #MAX_TOKENS} tokens, no stop sequence, through the client the
 * engine built (cache, retries, rate limit, concurrency).
 */
final class JudgeScorer implements Scorer {
    static final int MAX_TOKENS = 200;
    private static final GenerationParams PARAMS = new GenerationParams(0.0, MAX_TOKENS, List.of(), null);

    private final ModelCall judge;
    private final String model;
    private final String identity;
    private final JudgeTemplate template;
    private final Scorer rule;
    private final HedgePolicy hedged;

    JudgeScorer(ModelCall judge, String judgeRef, String model, JudgeTemplate template, Scorer rule,
                HedgePolicy hedged) {
        this.judge = judge;
        this.model = model;
        this.identity = judgeRef + "/template:" + template.sha();
        this.template = template;
        this.rule = rule;
        this.hedged = hedged;
    }

    @Override
    public String describe() {
        return "judge(" + identity + ")+" + RefusalDetector.ID + "+hedged:" + hedged.label();
    }

    @Override
    public Verdict score(ScoringItem item, String rawAnswer) {
        Verdict byRule = rule.score(item, rawAnswer);
        String extracted = byRule.extracted();
        RefusalDetector.Result r = RefusalDetector.defaults().classify(extracted);
        if (r.kind() == RefusalDetector.Kind.REFUSAL
                || r.kind() == RefusalDetector.Kind.HEDGED && hedged == HedgePolicy.ABSTAIN) {
            return byRule; // ABSTAINED by the string check, as in Head-to-Tail; the judge is not asked
        }
        String prompt = template.render(item.question(), item.answers(), extracted);
        Completion c;
        try {
            c = judge.call(new CompletionRequest(model, prompt, null, PARAMS, item.id()));
        } catch (AdapterException e) {
            return new Verdict(Outcome.ERROR, extracted, "judge call failed: " + e.getMessage(),
                    new JudgeVerdict(null, null, identity, byRule.outcome()));
        }
        JudgeReply.Parsed p = JudgeReply.parse(c.text());
        if (p == null) {
            return new Verdict(Outcome.ERROR, extracted, "judge reply has no verdict: " + cut(c.text()),
                    new JudgeVerdict(null, c.text(), identity, byRule.outcome()));
        }
        Outcome o = switch (p.verdict()) {
            case "correct" -> Outcome.CORRECT;
            case "incorrect" -> Outcome.HALLUCINATED;
            default -> Outcome.ABSTAINED;
        };
        return new Verdict(o, extracted, "judge: " + p.verdict() + (p.reason().isEmpty() ? "" : " - " + p.reason()),
                new JudgeVerdict(p.verdict(), c.text(), identity, byRule.outcome()));
    }

    private static String cut(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return t.length() > 80 ? t.substring(0, 79) + "…" : t;
    }
}
