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
    void massThirdsByCumulativeFrequency() {
        // total 200; mass strictly above: 100 -> 0, 50 -> 100 (1/2), 30 -> 150 (3/4), 10 -> 180
        Bucketing b = apply("mass:3", 10, 100, 30, 50, 10);
        assertThat(b.scheme()).isEqualTo("mass:3");
        assertThat(b.buckets()).extracting(Bucket::name, Bucket::lower, Bucket::upper, Bucket::size).containsExactly(
                tuple("head", 100.0, INF, 1), tuple("torso", 50.0, 100.0, 1), tuple("tail", 0.0, 50.0, 3));
    }

    @Test
    void massBoundaryIsInclusiveAndEmptyBucketsAreKept() {
        // total 9; mass above 2 is 6 = exactly 2/3 -> tail; nothing falls in [1/3, 2/3)
        Bucketing b = apply("mass", 3, 3, 2, 1);
        assertThat(b.buckets()).extracting(Bucket::name, Bucket::lower, Bucket::upper, Bucket::size).containsExactly(
                tuple("head", 3.0, INF, 2), tuple("torso", 3.0, 3.0, 0), tuple("tail", 0.0, 3.0, 2));
        assertThat(b.assign(3)).isZero();
        assertThat(b.assign(2.999)).isEqualTo(2);
    }

    @Test
    void massNamesAndZeros() {
        assertThat(apply("mass:2", 10, 5, 5).buckets()).extracting(Bucket::name, Bucket::size)
                .containsExactly(tuple("head", 1), tuple("tail", 2));
        assertThat(apply("mass:5", 1, 2, 3).buckets()).extracting(Bucket::name)
                .containsExactly("head", "torso1", "torso2", "torso3", "tail");
        assertThat(apply("mass:3", 4, 0, 0).sizes()).containsExactly(1, 0, 2);
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

    /** Each item's bucket is floor(K * mass strictly above it / total mass), capped at K - 1. */
    private static void assertMassDefinition(Bucketing b, double[] f, int k) {
        double total = Arrays.stream(f).sum();
        for (double x : f) {
            double above = Arrays.stream(f).filter(y -> y > x).sum();
            int expected = (int) Math.min(k - 1, Math.floor(above * k / total));
            assertThat(b.assign(x)).as("mass:" + k + " bucket of " + x).isEqualTo(expected);
        }
    }
}
