package dev.tailgap.harness.scoring;

import dev.tailgap.harness.stats.CohenKappa;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.ItemSource;
import dev.tailgap.reports.JudgeAgreement;
import dev.tailgap.reports.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judge-vs-rule agreement table of a judged run: per bucket (in the given order) and over all items, the 2×2
 * table of "judge says correct" against "the rule scorer says correct" and its {@link CohenKappa}. Items the judge
 * was not asked (refusals: ABSTAINED by both) count as agreeing on not-correct; ERROR items are left out. Empty when
 * no item carries a judge verdict.
 */
public final class JudgeAgreements {

    private JudgeAgreements() {
    }

    public static List<JudgeAgreement> of(List<String> buckets, ItemSource items) {
        Tally t = new Tally(buckets);
        items.forEach(t::add);
        return t.rows();
    }

    /** The table counted item by item, so that it can share a pass over the items with other counts. */
    public static final class Tally {
        private final Map<String, long[]> counts = new LinkedHashMap<>();
        private final long[] all = new long[4];
        private boolean judged;

        /** A table whose rows are {@code buckets}, in this order (a bucket met only in the items comes after). */
        public Tally(List<String> buckets) {
            buckets.forEach(b -> counts.put(b, new long[4]));
        }

        public void add(ItemResult r) {
            if (r.outcome() == Outcome.ERROR) {
                return;
            }
            judged |= r.judge() != null;
            boolean judge = r.outcome() == Outcome.CORRECT;
            boolean rule = (r.judge() == null ? r.outcome() : r.judge().ruleOutcome()) == Outcome.CORRECT;
            int cell = judge ? (rule ? 0 : 1) : (rule ? 2 : 3);
            counts.computeIfAbsent(r.bucket(), k -> new long[4])[cell]++;
            all[cell]++;
        }

        /** The rows so far: per bucket and "all"; empty when no item carried a judge verdict. */
        public List<JudgeAgreement> rows() {
            if (!judged) {
                return List.of();
            }
            List<JudgeAgreement> out = new ArrayList<>();
            counts.forEach((b, c) -> out.add(row(b, c)));
            out.add(row("all", all));
            return out;
        }
    }

    private static JudgeAgreement row(String bucket, long[] c) {
        CohenKappa k = CohenKappa.of(c[0], c[1], c[2], c[3]);
        return new JudgeAgreement(bucket, c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3], k.kappa(), k.low(),
                k.high());
    }
}
