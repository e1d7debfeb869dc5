package dev.tailgap.harness.cli;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.scoring.AliasRule;
import dev.tailgap.harness.scoring.FoldedGolds;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;

/** {@code datasets info}'s alias line: how many items have a short or function-word gold, and what the rule does. */
final class GuardedAliases {
    private static final int EXAMPLES = 5;

    private GuardedAliases() {
    }

    /** E.g. {@code 63 of 2000 items (3.2%) have short or function-word golds (US, IT, in); rule: guarded}. */
    static String summary(Dataset d) {
        long n = 0;
        long with = 0;
        TreeMap<String, Integer> seen = new TreeMap<>();
        try (Stream<Item> items = d.items()) {
            for (Item item : (Iterable<Item>) items::iterator) {
                n++;
                boolean any = false;
                for (FoldedGolds.Gold g : FoldedGolds.of(item.answers()).golds()) {
                    if (g.guarded()) {
                        any = true;
                        seen.merge(g.text(), 1, Integer::sum);
                    }
                }
                if (any) {
                    with++;
                }
            }
        }
        StringBuilder ex = new StringBuilder();
        seen.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(EXAMPLES)
                .forEach(e -> ex.append(ex.length() == 0 ? "" : ", ").append(e.getKey()));
        String rule = AliasRule.ofManifest(d.manifest().aliasRule()) == AliasRule.GUARDED
                ? "guarded: they count only as the whole answer or a case-sensitive word"
                : "plain (manifest aliasRule): they match like any gold";
        return String.format(Locale.ROOT, "%d of %d items (%.1f%%) have short or function-word golds%s; %s", with, n,
                n == 0 ? 0.0 : 100.0 * with / n, ex.length() == 0 ? "" : " (" + ex + ")", rule);
    }
}
