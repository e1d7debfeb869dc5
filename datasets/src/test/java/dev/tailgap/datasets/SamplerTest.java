package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final BucketScheme EDGES = BucketScheme.parse("edges:10,100,1000");

    private static List<Item> items(String prefix, int n, long seed) {
        Random random = new Random(seed);
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Fixtures.item(prefix + i, Math.floor(Math.pow(10, random.nextDouble() * 4))));
        }
        return out;
    }

    private static Set<String> selectedIds(List<Item> items, SamplingSpec spec) {
        Dataset ds = Dataset.of(Fixtures.manifest("s"), items);
        BitSet chosen = Sampler.select(ds, ds.bucketing(EDGES), spec);
        return chosen.stream().mapToObj(i -> items.get(i).id()).collect(Collectors.toSet());
    }

    @Test
    void noCapsSelectsEverything() {
        List<Item> items = items("a", 50, 1);
        assertThat(selectedIds(items, SamplingSpec.all())).hasSize(50);
    }

    @Test
    void itemsInNoBucketAreNeverSelected() {
        List<Item> items = new ArrayList<>(items("a", 60, 9));
        for (int i = 0; i < 15; i++) {
            items.add(Fixtures.item("zero" + i, 0));
        }
        Dataset ds = Dataset.of(Fixtures.manifest("s"), items);
        Bucketing closed = ds.bucketing(BucketScheme.parse("mass:3:exclude-zero"));
        for (SamplingSpec spec : List.of(SamplingSpec.all(), new SamplingSpec(10, null, 1),
                new SamplingSpec(null, 70, 1), new SamplingSpec(10, 20, 1))) {
            BitSet chosen = Sampler.select(ds, closed, spec);
            assertThat(chosen.stream().mapToObj(i -> items.get(i).id())).as(spec.toString())
                    .noneMatch(id -> id.startsWith("zero"));
        }
        assertThat(Sampler.select(ds, closed, SamplingSpec.all()).cardinality()).isEqualTo(60);
        assertThat(Sampler.select(ds, ds.bucketing(BucketScheme.parse("mass:3")), SamplingSpec.all()).cardinality())
                .isEqualTo(75);
    }

    @Test
    void perBucketTakesUpToTheCapFromEachBucket() {
        List<Item> items = items("a", 500, 2);
        Dataset ds = Dataset.of(Fixtures.manifest("s"), items);
        Bucketing b = ds.bucketing(EDGES);
        BitSet chosen = Sampler.select(ds, b, new SamplingSpec(20, null, 7));
        int[] counts = new int[b.buckets().size()];
        chosen.stream().forEach(i -> counts[b.assign(ds.frequency(i))]++);
        for (int j = 0; j < counts.length; j++) {
            assertThat(counts[j]).isEqualTo(Math.min(20, b.buckets().get(j).size()));
        }
    }

    @Test
    void limitIsStratifiedInProportionToTheBucketsAndTakesTheirLowestRanks() {
        List<Item> items = items("a", 300, 3);
        long seed = 99;
        long salt = Hashing.mix(seed ^ 0x9e3779b97f4a7c15L);
        Dataset ds = Dataset.of(Fixtures.manifest("s"), items);
        Bucketing b = ds.bucketing(EDGES);
        int limit = 25;
        BitSet chosen = Sampler.select(ds, b, new SamplingSpec(null, limit, seed));
        assertThat(chosen.cardinality()).isEqualTo(limit);
        // the expected quotas, by Hamilton's method written out: floor of the exact share, then one more to the
        // buckets with the largest fractional parts
        int k = b.buckets().size();
        double[] exact = new double[k];
        int[] expected = new int[k];
        for (int j = 0; j < k; j++) {
            exact[j] = (double) limit * b.buckets().get(j).size() / items.size();
            expected[j] = (int) Math.floor(exact[j]);
        }
        List<Integer> byRemainder = IntStream.range(0, k).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -(exact[j] - Math.floor(exact[j])))).toList();
        int left = limit - IntStream.of(expected).sum();
        for (int j = 0; j < left; j++) {
            expected[byRemainder.get(j)]++;
        }
        for (int j = 0; j < k; j++) {
            int bucket = j;
            List<Item> inBucket = items.stream().filter(it -> b.assign(it.frequency()) == bucket).toList();
            Set<String> lowest = inBucket.stream()
                    .sorted(Comparator.comparing((Item it) -> Hashing.mix(Dataset.hashId(it.id()) + salt),
                            Long::compareUnsigned))
                    .limit(expected[j]).map(Item::id).collect(Collectors.toSet());
            Set<String> picked = chosen.stream().filter(i -> b.assign(ds.frequency(i)) == bucket)
                    .mapToObj(i -> items.get(i).id()).collect(Collectors.toSet());
            assertThat(picked).as("bucket %s of %d items", b.buckets().get(j).name(), inBucket.size())
                    .isEqualTo(lowest);
            assertThat((double) picked.size()).isCloseTo(exact[j], org.assertj.core.data.Offset.offset(1.0));
        }
        Set<String> both = selectedIds(items, new SamplingSpec(10, 25, seed));
        assertThat(both).hasSize(25).isSubsetOf(selectedIds(items, new SamplingSpec(10, null, seed)));
    }

    @Test
    void limitSharesBucketsCappedByPerBucketInProportion() {
        Dataset ds = Dataset.of(Fixtures.manifest("s"), items("a", 400, 11));
        Bucketing b = ds.bucketing(EDGES);
        int[] sizes = b.buckets().stream().mapToInt(x -> (int) Math.min(x.size(), 60)).toArray();
        int sum = IntStream.of(sizes).sum();
        int[] quota = Sampler.quotas(ds, b, new SamplingSpec(60, 90, 1));
        assertThat(IntStream.of(quota).sum()).isEqualTo(90);
        for (int j = 0; j < sizes.length; j++) {
            assertThat((double) quota[j]).isCloseTo(90.0 * sizes[j] / sum, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    @Test
    void independentOfFileOrderAndSeeded() {
        List<Item> items = items("a", 400, 4);
        List<Item> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(5));
        SamplingSpec spec = new SamplingSpec(15, 40, 123);
        assertThat(selectedIds(shuffled, spec)).isEqualTo(selectedIds(items, spec));
        assertThat(selectedIds(items, spec)).isEqualTo(selectedIds(items, spec));
        assertThat(selectedIds(items, new SamplingSpec(15, 40, 124))).isNotEqualTo(selectedIds(items, spec));
    }

    @Test
    void addingItemsOnlyDisplacesOldPicks() {
        List<Item> old = items("a", 400, 6);
        List<Item> grown = new ArrayList<>(old);
        grown.addAll(items("b", 100, 7));
        for (SamplingSpec spec : List.of(new SamplingSpec(10, null, 1), new SamplingSpec(25, null, 1))) {
            Set<String> before = selectedIds(old, spec);
            Set<String> after = selectedIds(grown, spec);
            Set<String> oldKept = new HashSet<>(after);
            oldKept.removeIf(id -> id.startsWith("b"));
            assertThat(oldKept).as(spec.toString()).isSubsetOf(before);
            long displaced = before.size() - oldKept.size();
            assertThat(after.stream().filter(id -> id.startsWith("b")).count()).isEqualTo(displaced);
        }
    }

    @Test
    void capsLargerThanTheDatasetTakeEverything() {
        List<Item> items = items("a", 30, 8);
        assertThat(selectedIds(items, new SamplingSpec(1000, 1000, 3))).hasSize(30);
        Dataset ds = Dataset.of(Fixtures.manifest("s"), items);
        assertThat(Sampler.select(ds, ds.bucketing(EDGES), new SamplingSpec(null, 1, 3)).cardinality()).isEqualTo(1);
        assertThat(IntStream.range(0, 30).filter(i -> Sampler.select(ds, ds.bucketing(EDGES),
                new SamplingSpec(null, 30, 3)).get(i)).count()).isEqualTo(30);
    }

    @Test
    void rejectsNonPositiveCaps() {
        assertThatThrownBy(() -> new SamplingSpec(0, null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SamplingSpec(null, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
