package dev.tailgap.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.Item;
import dev.tailgap.harness.scoring.RuleScorer;
import dev.tailgap.harness.scoring.ScoringItem;
import dev.tailgap.reports.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimModelTest {

    private static List<Item> items(int n, double frequency, String relation) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Item(relation + "-" + frequency + "-" + i, "Where is place " + relation + i + " at " + frequency + "?",
                    List.of("Answer" + (i % 50)), "place" + i, frequency, relation, Map.of()));
        }
        return items;
    }

    @Test
    void knowsItemsWithTheConfiguredLogisticProbability() {
        SimParams p = SimParams.DEFAULTS;
        for (double f : new double[] {1e2, 1e4, 10_000 * Math.sqrt(10), 1e6}) {
            List<Item> items = items(4000, f, "r");
            SimModel m = SimModel.of(items, p);
            double known = m.tally(items).getOrDefault(SimModel.Decision.KNOWS, 0) / 4000.0;
            double expected = p.pKnow(f);
            // 4000 Bernoulli draws: 4 standard errors is a deterministic-seed sanity band, not a timing assert
            assertThat(known).isCloseTo(expected, org.assertj.core.data.Offset.offset(
                    4 * Math.sqrt(expected * (1 - expected) / 4000) + 1e-9));
        }
        assertThat(p.pKnow(Math.pow(10, 4.5))).isCloseTo((0.02 + 0.95) / 2, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void answersAreDeterministicAndHallucinationsAreNeverRight() {
        List<Item> items = items(500, 10, "r");
        SimModel a = SimModel.of(items, SimParams.DEFAULTS);
        SimModel b = SimModel.of(items, SimParams.DEFAULTS);
        int hallucinated = 0;
        for (Item i : items) {
            String prompt = "Answer briefly.\nQuestion: " + i.question() + "\nAnswer:";
            String answer = a.answer(prompt);
            assertThat(answer).isEqualTo(b.answer(prompt));
            switch (a.decide(i)) {
                case KNOWS -> assertThat(answer).isEqualTo(i.canonicalAnswer());
                case ABSTAINS -> assertThat(answer).isEqualTo(SimModel.ABSTAIN);
                case HALLUCINATES -> {
                    hallucinated++;
                    assertThat(RuleScorer.contains().score(ScoringItem.of(i), answer).outcome()).isNotEqualTo(Outcome.CORRECT);
                }
            }
        }
        assertThat(hallucinated).isGreaterThan(100);
    }

    @Test
    void findsTheQuestionAfterTheLastMarkerAndAbstainsOnStrangers() {
        assertThat(SimModel.questionOf("Q: first?\nQuestion:  What is X? \nAnswer:")).isEqualTo("What is X?");
        assertThat(SimModel.questionOf("  plain question?  ")).isEqualTo("plain question?");
        SimModel m = SimModel.of(items(3, 1e9, "r"), SimParams.DEFAULTS);
        assertThat(m.answer("Question: something never asked?")).isEqualTo(SimModel.ABSTAIN);
    }
}
