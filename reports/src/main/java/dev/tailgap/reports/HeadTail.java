package dev.tailgap.reports;

import java.util.List;

/**
 * The one definition of head and tail used by every table, headline, progress line, comparison and gate rule: the
 * head is the first bucket (most frequent) and the tail the last bucket with at least the minimum number of scored
 * items. When fewer than two buckets meet the minimum there is no head and no tail ({@code head} and {@code tail} are
 * −1) and {@code reason} says why, e.g. {@code only 1 of 3 buckets has at least 30 scored items (head n = 11,
 * tail n = 40)} or {@code no bucket has at least 30 scored items (...)}; otherwise {@code reason} is {@code null}. {@code smallest} is then the index of the first bucket below
 * the minimum among the outermost buckets holding items (the one a head or tail rule would have judged), or −1.
 */
public record HeadTail(int head, int tail, String reason, int smallest, long smallestN, int minSize) {

    /** Head and tail of buckets with these scored-item counts, ordered head to tail. */
    public static HeadTail of(long[] scored, String[] names, int minSize) {
        int head = -1;
        int tail = -1;
        int qualifying = 0;
        for (int i = 0; i < scored.length; i++) {
            if (scored[i] >= minSize && scored[i] > 0) {
                head = head < 0 ? i : head;
                tail = i;
                qualifying++;
            }
        }
        if (qualifying >= 2) {
            return new HeadTail(head, tail, null, -1, -1, minSize);
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < scored.length; i++) {
            if (scored[i] > 0) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        int smallest = first >= 0 && scored[first] < minSize ? first : last >= 0 && scored[last] < minSize ? last : -1;
        StringBuilder why = new StringBuilder();
        if (scored.length < 2) {
            why.append("the bucketing has fewer than two buckets");
        } else {
            why.append(qualifying == 0 ? "no bucket has" : "only 1 of " + scored.length + " buckets has")
                    .append(" at least ").append(Numbers.count(minSize)).append(" scored items");
            if (first >= 0) {
                why.append(" (").append(names[first]).append(" n = ").append(Numbers.count(scored[first]));
                if (last != first) {
                    why.append(", ").append(names[last]).append(" n = ").append(Numbers.count(scored[last]));
                }
                why.append(')');
            }
        }
        return new HeadTail(-1, -1, why.toString(), smallest, smallest < 0 ? -1 : scored[smallest], minSize);
    }

    /** Head and tail of a report's buckets. */
    public static HeadTail of(List<BucketStats> buckets, int minSize) {
        long[] n = new long[buckets.size()];
        String[] names = new String[buckets.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = buckets.get(i).n();
            names[i] = buckets.get(i).name();
        }
        return of(n, names, minSize);
    }

    /** Head and tail of a report. */
    public static HeadTail of(Report r) {
        return of(r.buckets(), r.minBucketSize());
    }

    /** True when there are a head and a tail. */
    public boolean defined() {
        return head >= 0;
    }

    /**
     * Why a head, tail or gap rule cannot be judged, e.g. {@code bucket too small (n = 11 < 30): only 1 of 3
     * buckets has at least 30 scored items (...)}; {@code null} when defined.
     */
    public String tooSmall() {
        if (defined()) {
            return null;
        }
        return smallest < 0 ? reason
                : "bucket too small (n = " + Numbers.count(smallestN) + " < " + Numbers.count(minSize) + "): "
                + reason;
    }
}
