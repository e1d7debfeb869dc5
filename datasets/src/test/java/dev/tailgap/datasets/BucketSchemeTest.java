package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketSchemeTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static Bucketing apply(String spec, double... frequencies) {
        return BucketScheme.parse(spec).apply(frequencies);
    }

    @Test
    void massThirdsByTheAscendingRunningSum() {
        // ascending 10 10 30 50 70, total 170; running share 0.06 0.12 0.29 0.59 1: cut 1 at 50, cut 2 at 70
        Bucketing b = apply("mass:3", 10, 70, 30, 50, 10);
        assertThat(b.scheme()).isEqualTo("mass:3");
        assertThat(b.buckets()).extracting(Bucket::name, Bucket::lower, Bucket::upper, Bucket::size).containsExactly(
                tuple("head", Math.nextUp(70.0), INF, 0), tuple("torso", 70.0, Math.nextUp(70.0), 1),
                tuple("tail", 0.0, 70.0, 4));
        // with a flatter top the head fills: ascending 10 20 30 40 50 60, total 210, cuts at 40 (0.48) and 50 (0.71)
        assertThat(apply("mass:3", 60, 50, 40, 30, 20, 10).sizes()).containsExactly(1, 1, 4);
    }

    @Test
    void massTiesStraddlingACutGoToTheLowerBucketAsTheReferenceDoes() {
        // ascending 1 2 3 3, total 9: running share 1/9, 3/9 (reaches 1/3 exactly at 2), 6/9 (2/3 at the first 3)
        Bucketing b = apply("mass", 3, 3, 2, 1);
        assertThat(b.sizes()).containsExactly(0, 2, 2);
        assertThat(b.assign(3)).isEqualTo(1);
        assertThat(b.assign(2)).isEqualTo(2);
        // a group of equal frequencies never splits: 5 5 5 5 each hold a quarter, all are at or below cut 1
        assertThat(apply("mass:3", 5, 5, 5, 5).sizes()).containsExactly(0, 0, 4);
    }

    @Test
    void excludeZeroLeavesZeroFrequenciesOutOfEveryBucket() {
        Bucketing b = apply("mass:3:exclude-zero", 0, 0, 1, 2, 3, 10, 20, 40);
        assertThat(b.scheme()).isEqualTo("mass:3:exclude-zero");
        assertThat(b.tailClosed()).isTrue();
        assertThat(Arrays.stream(b.sizes()).sum()).isEqualTo(6);
        assertThat(b.assign(0)).isEqualTo(Bucketing.UNBUCKETED);
        assertThat(b.tail().lower()).isEqualTo(1.0);
        Bucketing kept = apply("mass:3", 0, 0, 1, 2, 3, 10, 20, 40);
        assertThat(kept.tailClosed()).isFalse();
        assertThat(kept.assign(0)).isEqualTo(2);
        assertThat(kept.sizes()[2]).isEqualTo(b.sizes()[2] + 2);
        assertThat(BucketScheme.parse(" MASS:4:Exclude-Zero ").spec()).isEqualTo("mass:4:exclude-zero");
    }

    @Test
    void massNamesAndZeros() {
        assertThat(apply("mass:2", 10, 5, 5).buckets()).extracting(Bucket::name, Bucket::size)
                .containsExactly(tuple("head", 1), tuple("tail", 2));
        assertThat(apply("mass:5", 1, 2, 3).buckets()).extracting(Bucket::name)
                .containsExactly("head", "torso1", "torso2", "torso3", "tail");
        assertThat(apply("mass:3", 4, 0, 0).sizes()).containsExactly(0, 0, 3);
        assertThatThrownBy(() -> apply("mass:3", 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("all frequencies are 0; mass bucketing needs positive frequencies");
    }

    @Test
    void log10DecadesWithEmptyOnesKeptAndAZeroBucket() {
        Bucketing b = apply("log10", 0, 0.5, 5, 50, 5000, 12000);
        assertThat(b.buckets()).extracting(Bucket::name, Bucket::lower, Bucket::upper, Bucket::size).containsExactly(
                tuple("1e4+", 1e4, INF, 1), tuple("1e3-1e4", 1e3, 1e4, 1), tuple("1e2-1e3", 100.0, 1e3, 0),
                tuple("1e1-1e2", 10.0, 100.0, 1), tuple("1e0-1e1", 1.0, 10.0, 1), tuple("0-1", 0.0, 1.0, 2));
    }

    @Test
    void log10EdgesArePowersOfTenExactly() {
        Bucketing b = apply("log10", 1, 10, 100, 1000, 999.9999);
        assertThat(b.buckets()).extracting(Bucket::name, Bucket::size).containsExactly(
                tuple("1e3+", 1), tuple("1e2-1e3", 2), tuple("1e1-1e2", 1), tuple("1e0-1e1", 1));
        assertThat(b.tail().lower()).isEqualTo(1.0);
        assertThat(b.assign(0.5)).as("below the lowest edge goes to the tail").isEqualTo(3);
        assertThat(apply("log10", 150, 900).buckets()).extracting(Bucket::name, Bucket::size)
                .containsExactly(tuple("1e2+", 2));
        assertThat(apply("log10", 0, 0.3).buckets()).extracting(Bucket::name, Bucket::lower, Bucket::size)
                .containsExactly(tuple("0+", 0.0, 2));
    }

    @Test
    void quantileEqualCounts() {
        Bucketing b = apply("quantile:4", 10, 20, 30, 40, 50, 60, 70, 80);
        assertThat(b.buckets()).extracting(Bucket::name, Bucket::lower, Bucket::upper, Bucket::size).containsExactly(
                tuple("q1", 70.0, INF, 2), tuple("q2", 50.0, 70.0, 2), tuple("q3", 30.0, 50.0, 2),
                tuple("q4", 0.0, 30.0, 2));
        assertThat(b.indexOf("head")).hasValue(0);
        assertThat(b.indexOf("tail")).hasValue(3);
        assertThat(b.indexOf("q3")).hasValue(2);
    }

    @Test
    void quantileKeepsTiesTogether() {
        assertThat(apply("quantile:2", 5, 5, 5, 1, 1).sizes()).containsExactly(3, 2);
        assertThat(apply("quantile:2", 5, 5, 5, 5, 1, 1).sizes()).containsExactly(4, 2);
        // target boundary 2 is 1 away from both possible cuts (after 9, after the 5s): the later cut wins
        assertThat(apply("quantile:2", 9, 5, 5, 1).sizes()).containsExactly(3, 1);
        Bucketing same = apply("quantile:3", 7, 7, 7);
        assertThat(same.buckets()).extracting(Bucket::lower, Bucket::upper, Bucket::size).containsExactly(
                tuple(7.0, INF, 3), tuple(7.0, 7.0, 0), tuple(0.0, 7.0, 0));
    }

    @Test
    void explicitEdges() {
        Bucketing b = apply("edges:100,1000", 0, 99.9, 100, 999, 1000, 5e6);
        assertThat(b.buckets()).extracting(Bucket::name, Bucket::lower, Bucket::upper, Bucket::size).containsExactly(
                tuple("1000+", 1000.0, INF, 2), tuple("100-1000", 100.0, 1000.0, 2), tuple("0-100", 0.0, 100.0, 2));
        assertThat(apply("edges:2.5,10", 1).buckets()).extracting(Bucket::name)
                .containsExactly("10+", "2.5-10", "0-2.5");
        assertThat(b.smallerThan(3)).hasSize(3);
        assertThat(apply("edges:10", 1, 2, 20).smallerThan(2)).extracting(Bucket::name).containsExactly("10+");
    }

    @Test
    void specsAreCanonical() {
        assertThat(BucketScheme.parse("MASS").spec()).isEqualTo("mass:3");
        assertThat(BucketScheme.parse(" mass:4 ").spec()).isEqualTo("mass:4");
        assertThat(BucketScheme.parse("log10").spec()).isEqualTo("log10");
        assertThat(BucketScheme.parse("quantile:5").spec()).isEqualTo("quantile:5");
        assertThat(BucketScheme.parse("edges:100, 1e3,2.5e3").spec()).isEqualTo("edges:100,1000,2500");
        assertThat(BucketScheme.parse("edges:1,2")).isEqualTo(BucketScheme.parse("edges:1,2.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "foo", "mass:1", "mass:x", "quantile", "quantile:1", "log", "edges:",
        "edges:10,5", "edges:-1,5", "edges:5,5", "edges:0,5", "edges:1,,2"})
    void rejectsBadSpecsListingValidForms(String spec) {
        assertThatThrownBy(() -> BucketScheme.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid bucketing '" + spec + "'")
                .hasMessageEndingWith("valid forms: " + BucketScheme.FORMS)
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsBadFrequencies() {
        assertThatThrownBy(() -> apply("log10", 1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> apply("quantile:2", 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> apply("mass:3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no frequencies to bucket");
        assertThatThrownBy(() -> apply("log10", 1).assign(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bucketingValidatesItsShape() {
        assertThatThrownBy(() -> new Bucketing("x", List.of(new Bucket("a", 10, 100, 0))))
                .hasMessageContaining("open-ended");
        assertThatThrownBy(() -> new Bucketing("x", List.of(new Bucket("a", 10, INF, 0), new Bucket("b", 0, 5, 0))))
                .hasMessageContaining("does not end where");
        assertThatThrownBy(() -> new Bucketing("x", List.of(new Bucket("a", 10, INF, 0), new Bucket("a", 0, 10, 0))))
                .hasMessageContaining("used twice");
        Bucketing b = new Bucketing("x", List.of(new Bucket("tail", 10, INF, 1), new Bucket("head", 0, 10, 1)));
        assertThat(b.indexOf("head")).as("a real bucket name wins over the alias").hasValue(1);
        assertThat(b.indexOf("nope")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void propertiesHoldOnRandomData() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(5);
                    case 2 -> Math.floor(Math.pow(10, random.nextDouble() * 7));
                    default -> random.nextDouble() * 1000;
                };
            }
            f[0] = 1 + random.nextInt(100);
            int k = 2 + random.nextInt(6);
            for (String spec : List.of("mass:" + k, "log10", "quantile:" + k, "edges:1,10,100,1000")) {
                Bucketing b = apply(spec, f);
                assertThat(Arrays.stream(b.sizes()).sum()).as(spec).isEqualTo(n);
                double[] sorted = f.clone();
                Arrays.sort(sorted);
                for (int i = 1; i < n; i++) {
                    assertThat(b.assign(sorted[i])).as(spec + " monotone").isLessThanOrEqualTo(b.assign(sorted[i - 1]));
                }
                for (double x : f) {
                    Bucket bucket = b.buckets().get(b.assign(x));
                    assertThat(bucket.contains(x)).as(spec + " contains " + x).isTrue();
                }
                if (spec.startsWith("mass")) {
                    assertMassDefinition(b, f, k);
                }
            }
            double[] distinct = new double[n];
            for (int i = 0; i < n; i++) {
                distinct[i] = i * 3.0 + 1;
            }
            int[] sizes = apply("quantile:" + k, distinct).sizes();
            for (int s : sizes) {
                assertThat((double) s).isBetween(Math.floor((double) n / k) - 1, Math.ceil((double) n / k) + 1);
            }
        }
    }

    /**
     * Head-to-Tail's rule: cut j is the value where the ascending running sum first reaches j/K of the total; an item
     * is in the tail-side bucket t (0 = tail) of the first cut it is at or below.
     */
    private static void assertMassDefinition(Bucketing b, double[] f, int k) {
        double[] asc = f.clone();
        Arrays.sort(asc);
        double total = 0;
        for (double v : asc) {
            total += v;
        }
        double[] cuts = new double[k - 1];
        for (int j = 1; j < k; j++) {
            double running = 0;
            for (double v : asc) {
                running += v;
                if (running / total >= (double) j / k) {
                    cuts[j - 1] = v;
                    break;
                }
            }
        }
        for (double x : f) {
            int fromTail = k - 1;
            for (int j = 0; j < k - 1; j++) {
                if (x <= cuts[j]) {
                    fromTail = j;
                    break;
                }
            }
            assertThat(b.assign(x)).as("mass:" + k + " bucket of " + x).isEqualTo(k - 1 - fromTail);
        }
    }
}
