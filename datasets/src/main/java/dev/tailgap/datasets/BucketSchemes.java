package dev.tailgap.datasets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The built-in {@link BucketScheme}s and their parser. */
final class BucketSchemes {

    private BucketSchemes() {
    }

    static BucketScheme parse(String spec) {
        String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.equals("mass")) {
                return new Mass(3, false);
            }
            if (s.equals("log10")) {
                return new Log10();
            }
            if (s.startsWith("mass:")) {
                String rest = s.substring(5).strip();
                boolean excludeZero = rest.endsWith(Mass.EXCLUDE_ZERO);
                if (excludeZero) {
                    rest = rest.substring(0, rest.length() - Mass.EXCLUDE_ZERO.length()).strip();
                }
                return new Mass(Integer.parseInt(rest), excludeZero);
            }
            if (s.startsWith("quantile:")) {
                return new Quantile(Integer.parseInt(s.substring(9).strip()));
            }
            if (s.startsWith("edges:")) {
                String[] parts = s.substring(6).split(",", -1);
                double[] edges = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    edges[i] = Double.parseDouble(parts[i].strip());
                }
                return new Edges(edges);
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid bucketing '" + spec + "': " + e.getMessage()
                    + "; valid forms: " + BucketScheme.FORMS);
        }
        throw new IllegalArgumentException("invalid bucketing '" + spec + "'; valid forms: " + BucketScheme.FORMS);
    }

    /**
     * Head-to-Tail cumulative-mass buckets, exactly as the reference generator code splits entities
     * (facebookresearch/head-to-tail, {@code head_to_tail_imdb.py}): frequencies sorted ascending with their running
     * sum; cut {@code j} (j = 1 .. K−1) is the frequency at the first position where running sum / total ≥ j/K; a
     * frequency at or below cut 1 is in the tail, at or below cut 2 in the bucket above, and so on, the head holding
     * those above the last cut. Tie rule: the whole group of equal frequencies that straddles a cut goes to the lower
     * bucket. Edges are data values (a bucket starts at the smallest frequency above the cut below it); a bucket no
     * frequency falls in is kept, empty. The tail starts at 0; with {@code :exclude-zero} (as the reference does for
     * people) it starts at the smallest positive frequency and items with frequency 0 are in no bucket.
     */
    record Mass(int k, boolean excludeZero) implements BucketScheme {
        static final String EXCLUDE_ZERO = ":exclude-zero";

        Mass {
            if (k < 2) {
                throw new IllegalArgumentException("mass needs K >= 2, got " + k);
            }
        }

        @Override
        public String spec() {
            return "mass:" + k + (excludeZero ? EXCLUDE_ZERO : "");
        }

        @Override
        public Bucketing apply(double[] frequencies) {
            validate(frequencies);
            if (frequencies.length == 0) {
                throw new IllegalArgumentException("no frequencies to bucket");
            }
            double[] asc = frequencies.clone();
            Arrays.sort(asc);
            double total = 0;
            for (double f : asc) {
                total += f;
            }
            if (total == 0) {
                throw new IllegalArgumentException("all frequencies are 0; mass bucketing needs positive frequencies");
            }
            double[] cuts = new double[k - 1];
            Arrays.fill(cuts, Double.NaN);
            double running = 0;
            for (double f : asc) {
                running += f;
                for (int j = 1; j < k; j++) {
                    if (Double.isNaN(cuts[j - 1]) && running / total >= (double) j / k) {
                        cuts[j - 1] = f;
                    }
                }
            }
            // lowers head first: the bucket above cut j starts at the smallest frequency above it
            double[] lowers = new double[k];
            for (int j = 1; j < k; j++) {
                double above = Double.NaN;
                for (double f : asc) {
                    if (f > cuts[j - 1]) {
                        above = f;
                        break;
                    }
                }
                lowers[k - 1 - j] = Double.isNaN(above) ? Math.nextUp(asc[asc.length - 1]) : above;
            }
            for (int i = 1; i < k - 1; i++) {
                lowers[i] = Math.min(lowers[i], lowers[i - 1]);
            }
            double smallestPositive = Double.NaN;
            for (double f : asc) {
                if (f > 0) {
                    smallestPositive = f;
                    break;
                }
            }
            lowers[k - 1] = excludeZero ? Math.min(smallestPositive, lowers[k - 2]) : 0;
            return build(spec(), massNames(k), lowers, frequencies, excludeZero);
        }

        private static List<String> massNames(int k) {
            List<String> names = new ArrayList<>();
            names.add("head");
            if (k == 3) {
                names.add("torso");
            } else {
                for (int i = 1; i <= k - 2; i++) {
                    names.add("torso" + i);
                }
            }
            names.add("tail");
            return names;
        }
    }

    /**
     * Decade buckets {@code [10^k, 10^(k+1))} for every decade between the lowest and highest frequency {@code >= 1}
     * (empty ones kept), the top one open-ended, plus {@code [0, 1)} when some frequency is below 1.
     */
    record Log10() implements BucketScheme {
        @Override
        public String spec() {
            return "log10";
        }

        @Override
        public Bucketing apply(double[] frequencies) {
            double[] desc = descending(frequencies);
            double max = desc[0];
            double min = desc[desc.length - 1];
            if (max < 1) {
                return build(spec(), List.of("0+"), new double[] {0}, frequencies);
            }
            int top = decade(max);
            int bottom = min >= 1 ? decade(min) : 0;
            List<String> names = new ArrayList<>();
            List<Double> lowers = new ArrayList<>();
            for (int d = top; d >= bottom; d--) {
                names.add(d == top ? "1e" + d + "+" : "1e" + d + "-1e" + (d + 1));
                lowers.add(Math.pow(10, d));
            }
            if (min < 1) {
                names.add("0-1");
                lowers.add(0.0);
            }
            return build(spec(), names, lowers.stream().mapToDouble(Double::doubleValue).toArray(), frequencies);
        }

        /** {@code floor(log10(f))} for {@code f >= 1}, exact at powers of ten. */
        static int decade(double f) {
            int d = (int) Math.floor(Math.log10(f));
            while (Math.pow(10, d + 1) <= f) {
                d++;
            }
            while (d > 0 && Math.pow(10, d) > f) {
                d--;
            }
            return d;
        }
    }

    /**
     * Equal-count buckets: the boundary after bucket {@code j} is placed at the position {@code round(j*n/K)} of the
     * descending frequencies, moved to the nearest position where the frequency changes (toward the tail on a tie) so
     * that equal frequencies share a bucket. Edges are data values; the tail starts at 0.
     */
    record Quantile(int k) implements BucketScheme {
        Quantile {
            if (k < 2) {
                throw new IllegalArgumentException("quantile needs K >= 2, got " + k);
            }
        }

        @Override
        public String spec() {
            return "quantile:" + k;
        }

        @Override
        public Bucketing apply(double[] frequencies) {
            double[] desc = descending(frequencies);
            int n = desc.length;
            int[] cuts = new int[n];
            int c = 0;
            for (int q = 1; q < n; q++) {
                if (desc[q - 1] > desc[q]) {
                    cuts[c++] = q;
                }
            }
            cuts[c++] = n;
            cuts = Arrays.copyOf(cuts, c);
            double[] lowers = new double[k];
            int previous = 0;
            for (int j = 1; j < k; j++) {
                long target = (2L * j * n + k) / (2L * k);
                int q = Math.max(previous, nearest(cuts, target));
                lowers[j - 1] = desc[q - 1];
                previous = q;
            }
            lowers[k - 1] = 0;
            List<String> names = new ArrayList<>();
            for (int j = 1; j <= k; j++) {
                names.add("q" + j);
            }
            return build(spec(), names, lowers, frequencies);
        }

        private static int nearest(int[] sorted, long target) {
            int i = Arrays.binarySearch(sorted, (int) Math.min(Integer.MAX_VALUE, target));
            if (i >= 0) {
                return sorted[i];
            }
            int above = -i - 1;
            if (above == 0) {
                return sorted[0];
            }
            if (above == sorted.length) {
                return sorted[sorted.length - 1];
            }
            long down = target - sorted[above - 1];
            long up = sorted[above] - target;
            return up <= down ? sorted[above] : sorted[above - 1];
        }
    }

    /** Explicit edges {@code a < b < ...}: buckets {@code [last, +inf)}, ..., {@code [a, b)}, {@code [0, a)}. */
    record Edges(double[] edges) implements BucketScheme {
        Edges {
            edges = edges.clone();
            if (edges.length == 0) {
                throw new IllegalArgumentException("edges needs at least one edge");
            }
            for (int i = 0; i < edges.length; i++) {
                if (!(edges[i] > 0) || Double.isInfinite(edges[i])) {
                    throw new IllegalArgumentException("edges must be finite numbers > 0, got " + num(edges[i]));
                }
                if (i > 0 && edges[i] <= edges[i - 1]) {
                    throw new IllegalArgumentException("edges must be strictly increasing, got " + num(edges[i - 1])
                            + " then " + num(edges[i]));
                }
            }
        }

        @Override
        public double[] edges() {
            return edges.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Edges other && Arrays.equals(edges, other.edges);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(edges);
        }

        @Override
        public String toString() {
            return spec();
        }

        @Override
        public String spec() {
            return "edges:" + Arrays.stream(edges).mapToObj(BucketSchemes::num).collect(Collectors.joining(","));
        }

        @Override
        public Bucketing apply(double[] frequencies) {
            validate(frequencies);
            int m = edges.length;
            List<String> names = new ArrayList<>();
            double[] lowers = new double[m + 1];
            for (int i = m - 1; i >= 0; i--) {
                names.add(i == m - 1 ? num(edges[i]) + "+" : num(edges[i]) + "-" + num(edges[i + 1]));
                lowers[m - 1 - i] = edges[i];
            }
            names.add("0-" + num(edges[0]));
            lowers[m] = 0;
            return build(spec(), names, lowers, frequencies);
        }
    }

    /** A bucketing with the given names and lower edges (head to tail), sized by assigning every frequency. */
    static Bucketing build(String scheme, List<String> names, double[] lowers, double[] frequencies) {
        return build(scheme, names, lowers, frequencies, false);
    }

    /** Buckets with these lowers (head first) sized over {@code frequencies}; see {@link Bucketing#tailClosed()}. */
    static Bucketing build(String scheme, List<String> names, double[] lowers, double[] frequencies,
                           boolean tailClosed) {
        List<Bucket> empty = new ArrayList<>();
        for (int i = 0; i < lowers.length; i++) {
            empty.add(new Bucket(names.get(i), lowers[i], i == 0 ? Double.POSITIVE_INFINITY : lowers[i - 1], 0));
        }
        Bucketing shape = new Bucketing(scheme, empty, tailClosed);
        int[] sizes = new int[lowers.length];
        for (double f : frequencies) {
            int b = shape.assign(f);
            if (b >= 0) {
                sizes[b]++;
            }
        }
        List<Bucket> sized = new ArrayList<>();
        for (int i = 0; i < lowers.length; i++) {
            Bucket b = empty.get(i);
            sized.add(new Bucket(b.name(), b.lower(), b.upper(), sizes[i]));
        }
        return new Bucketing(scheme, sized, tailClosed);
    }

    /** A copy sorted from highest to lowest, after checking every value is finite and {@code >= 0}. */
    static double[] descending(double[] frequencies) {
        validate(frequencies);
        if (frequencies.length == 0) {
            throw new IllegalArgumentException("no frequencies to bucket");
        }
        double[] sorted = frequencies.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double t = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = t;
        }
        return sorted;
    }

    static void validate(double[] frequencies) {
        for (int i = 0; i < frequencies.length; i++) {
            double f = frequencies[i];
            if (!(f >= 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("frequency at index " + i + " is " + f
                        + "; frequencies must be finite and >= 0");
            }
        }
    }

    /** A number as written in bucket names and specs: {@code 1000}, {@code 2.5}. */
    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
