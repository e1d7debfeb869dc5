package dev.tailgap.harness.scoring;

import dev.tailgap.reports.Outcome;

/**
 * A scorer added from test code through the registry alone (a class and a services line): an answer is correct when
 * it is the canonical gold in capitals, and any other answer fails as an ERROR with a reason.
 */
public final class ShoutingScorerProvider implements ScorerProvider {
    @Override
    public String name() {
        return "shouting";
    }

    @Override
    public String description() {
        return "the canonical gold in capitals (a test plug-in)";
    }

    @Override
    public Scorer create(ScorerContext context) {
        return new Scorer() {
            @Override
            public String describe() {
                return "shouting";
            }

            @Override
            public Verdict score(ScoringItem item, String rawAnswer) {
                String want = item.answers().get(0).toUpperCase(java.util.Locale.ROOT);
                return want.equals(rawAnswer) ? new Verdict(Outcome.CORRECT, rawAnswer, "shouted " + want)
                        : Verdict.error(rawAnswer == null ? "" : rawAnswer, "not shouted: " + item.concept());
            }
        };
    }

    /** Another provider under the same name, for the duplicate check. */
    public static final class Twin implements ScorerProvider {
        @Override
        public String name() {
            return "shouting";
        }

        @Override
        public String description() {
            return "a twin";
        }

        @Override
        public Scorer create(ScorerContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
