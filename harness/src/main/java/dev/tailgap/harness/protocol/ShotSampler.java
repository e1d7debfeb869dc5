package dev.tailgap.harness.protocol;

import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws each item's shots from the whole dataset by a {@link ShotStrategy} (not {@link ShotStrategy#FIXED}), never the
 * item itself nor an item with the same question. The draw is a pure function of the seed and the item's id, so a
 * rerun or a resumed run shows every item the same shots whatever order items are asked in. Immutable, thread-safe.
 */
public final class ShotSampler {
    private final List<Item> items;
    private final List<int[]> relations; // members of each relation, by relation name
    private final Map<String, Integer> relationIndex;
    private final int[] head;
    private final int count;
    private final ShotStrategy strategy;
    private final long seed;

    private ShotSampler(List<Item> items, List<int[]> relations, Map<String, Integer> relationIndex, int[] head,
                        int count, ShotStrategy strategy, long seed) {
        this.items = items;
        this.relations = relations;
        this.relationIndex = relationIndex;
        this.head = head;
        this.count = count;
        this.strategy = strategy;
        this.seed = seed;
    }

    /**
     * A sampler of {@code count} shots per item from {@code items} (the whole dataset, in its order), {@code bucketing}
     * telling the head bucket apart; {@link IllegalArgumentException} when the pool is too small for {@code count}.
     */
    public static ShotSampler of(List<Item> items, Bucketing bucketing, int count, ShotStrategy strategy, long seed) {
        if (strategy == ShotStrategy.FIXED) {
            throw new IllegalArgumentException("fixed shots are not drawn from the dataset");
        }
        Map<String, List<Integer>> byRelation = new TreeMap<>();
        List<Integer> headItems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            byRelation.computeIfAbsent(relationOf(item), k -> new ArrayList<>()).add(i);
            if (bucketing.assign(item.frequency()) == 0) {
                headItems.add(i);
            }
        }
        int pool = strategy == ShotStrategy.HEAD ? headItems.size() : items.size();
        if (count > pool - 1) {
            throw new IllegalArgumentException(count + " shots per item need at least " + (count + 1) + " items"
                    + (strategy == ShotStrategy.HEAD ? " in the head bucket" : "") + ", the dataset has " + pool);
        }
        List<int[]> relations = new ArrayList<>();
        Map<String, Integer> index = new TreeMap<>();
        byRelation.forEach((k, v) -> {
            index.put(k, relations.size());
            relations.add(v.stream().mapToInt(Integer::intValue).toArray());
        });
        return new ShotSampler(List.copyOf(items), relations, index, headItems.stream().mapToInt(Integer::intValue)
                .toArray(), count, strategy, seed);
    }

    /** How many shots each item gets. */
    public int count() {
        return count;
    }

    /** The shots for {@code item}, in the order they are shown. */
    public List<Shot> shotsFor(Item item) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + Dataset.hashId(item.id()));
        Set<Integer> taken = new HashSet<>();
        List<Shot> out = new ArrayList<>(count);
        String question = item.question().strip();
        if (strategy == ShotStrategy.STRATIFIED_RELATION) {
            List<Integer> others = new ArrayList<>();
            Integer own = relationIndex.get(relationOf(item));
            for (int r = 0; r < relations.size(); r++) {
                if (own == null || r != own) {
                    others.add(r);
                }
            }
            Collections.shuffle(others, new java.util.Random(rng.nextLong()));
            if (others.isEmpty() && own != null) {
                others.add(own);
            }
            while (out.size() < count) {
                boolean any = false;
                for (int r : others) {
                    if (out.size() == count) {
                        break;
                    }
                    int pick = pick(relations.get(r), rng, taken, item.id(), question);
                    if (pick >= 0) {
                        any = true;
                        out.add(Shot.of(items.get(pick)));
                    }
                }
                if (!any) {
                    others = own == null || others.contains(own) ? List.of() : List.of(own);
                    if (others.isEmpty()) {
                        break;
                    }
                }
            }
        } else {
            int[] pool = strategy == ShotStrategy.HEAD ? head : null;
            while (out.size() < count) {
                int pick = pool != null ? pick(pool, rng, taken, item.id(), question)
                        : pickAny(rng, taken, item.id(), question);
                if (pick < 0) {
                    break;
                }
                out.add(Shot.of(items.get(pick)));
            }
        }
        if (out.size() < count) {
            throw new IllegalArgumentException("item " + item.id() + ": only " + out.size() + " of " + count
                    + " shots found (the other items share its question)");
        }
        return out;
    }

    /** A random member of {@code pool} not yet taken and not the item; -1 when there is none. */
    private int pick(int[] pool, SplittableRandom rng, Set<Integer> taken, String id, String question) {
        int start = rng.nextInt(pool.length);
        for (int k = 0; k < pool.length; k++) {
            int i = pool[(start + k) % pool.length];
            if (usable(i, taken, id, question)) {
                taken.add(i);
                return i;
            }
        }
        return -1;
    }

    private int pickAny(SplittableRandom rng, Set<Integer> taken, String id, String question) {
        for (int tries = 0; tries < 64; tries++) {
            int i = rng.nextInt(items.size());
            if (usable(i, taken, id, question)) {
                taken.add(i);
                return i;
            }
        }
        int start = rng.nextInt(items.size());
        for (int k = 0; k < items.size(); k++) {
            int i = (start + k) % items.size();
            if (usable(i, taken, id, question)) {
                taken.add(i);
                return i;
            }
        }
        return -1;
    }

    private boolean usable(int i, Set<Integer> taken, String id, String question) {
        Item c = items.get(i);
        return !taken.contains(i) && !c.id().equals(id) && !c.question().strip().equals(question);
    }

    private static String relationOf(Item item) {
        return item.relation() == null ? "" : item.relation();
    }
}
