package dev.tailgap.reports;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ReportFormat} renders: the run's {@link Report}, its item results (streamed; formats that need only the
 * report never read them) and the judge-versus-rule agreement rows (empty unless a judge scored the run).
 */
public record ReportInput(Report report, ItemSource items, List<JudgeAgreement> agreement) {
    public ReportInput {
        Objects.requireNonNull(report, "report");
        items = items == null ? action -> { } : items;
        agreement = agreement == null ? List.of() : List.copyOf(agreement);
    }

    /** A report without item results or agreement rows. */
    public static ReportInput of(Report report) {
        return new ReportInput(report, null, List.of());
    }
}
