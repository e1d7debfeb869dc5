package dev.tailgap.reports;

import java.util.List;

/**
 * The items of one relation (the kind of question, e.g. {@code occupation}): their counts and rates over the whole
 * run ({@code overall}) and per bucket ({@code buckets}, aligned with {@link Report#buckets()}: element {@code i}
 * covers the relation's items in bucket {@code i}). {@code name} is {@code null} for items without a relation.
 */
public record RelationStats(String name, Totals overall, List<Totals> buckets) {
    public RelationStats {
        buckets = List.copyOf(buckets);
    }
}
