package dev.tailgap.harness.stats;

/**
 * Cohen's kappa of two raters over a square table of counts ({@code table[i][j]}: rater one said i, rater two said
 * j), with the large-sample standard error of Fleiss, Cohen and Everitt (1969) and a 95% Wald interval — the values
 * statsmodels' {@code cohens_kappa} reports ({@code kappa}, {@code std_kappa}, {@code kappa_low}, {@code kappa_upp}).
 * Kappa is NaN when chance agreement is 1 (both raters used one category only) or the table is empty.
 */
public record CohenKappa(double kappa, double standardError, double low, double high) {
    private static final double Z975 = 1.959963984540054;

    /** Kappa of a 2×2 table: {@code a} both yes, {@code b} only rater one, {@code c} only rater two, {@code d} neither. */
    public static CohenKappa of(long a, long b, long c, long d) {
        return of(new long[][] {{a, b}, {c, d}});
    }

    public static CohenKappa of(long[][] table) {
        int k = table.length;
        double n = 0;
        for (long[] row : table) {
            if (row.length != k) {
                throw new IllegalArgumentException("kappa needs a square table");
            }
            for (long v : row) {
                if (v < 0) {
                    throw new IllegalArgumentException("counts must be >= 0");
                }
                n += v;
            }
        }
        if (n == 0) {
            return new CohenKappa(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] rows = new double[k];
        double[] cols = new double[k];
        double po = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double p = table[i][j] / n;
                rows[i] += p;
                cols[j] += p;
                if (i == j) {
                    po += p;
                }
            }
        }
        double pe = 0;
        for (int i = 0; i < k; i++) {
            pe += rows[i] * cols[i];
        }
        if (pe >= 1) {
            return new CohenKappa(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double kappa = (po - pe) / (1 - pe);
        double a = 0;
        double b = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double p = table[i][j] / n;
                if (i == j) {
                    double t = 1 - (rows[i] + cols[i]) * (1 - kappa);
                    a += p * t * t;
                } else {
                    double t = cols[i] + rows[j];
                    b += p * t * t;
                }
            }
        }
        b *= (1 - kappa) * (1 - kappa);
        double c = kappa - pe * (1 - kappa);
        double var = (a + b - c * c) / ((1 - pe) * (1 - pe) * n);
        double se = Math.sqrt(Math.max(0, var));
        return new CohenKappa(kappa, se, kappa - Z975 * se, kappa + Z975 * se);
    }
}
