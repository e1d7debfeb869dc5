package dev.tailgap.reports;

import java.util.List;

/**
 * The items of one relation (the kind of question, e.g. {@code occupation}): their counts and rates over the whole
 * run ({@code overall}) and per bucket ({@code buckets}, aligned with {@link Report#buckets()}: element {@code i}
 * covers the relation's items in bucket {@code i}). {@code name} is {@code null} for items without a relation. As for
 * {@link Report#pooled()}: when the run sampled per bucket and the relation's size in each bucket is known,
 * {@code overall}'s rates are weighted by those sizes and {@code pooled} holds the pooled sample; otherwise
 * {@code pooled} is {@code null}.
 */
public record RelationStats(String name, Totals overall, List<Totals> buckets, Totals pooled) {
    public RelationStats {
        buckets = List.copyOf(buckets);
    }

    /** A relation whose overall figures are the pooled sample. */
    public RelationStats(String name, Totals overall, List<Totals> buckets) {
        this(name, overall, buckets, null);
    }
}
