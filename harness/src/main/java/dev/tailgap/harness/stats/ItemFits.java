package dev.tailgap.harness.stats;

import dev.tailgap.reports.Estimate;

/**
 * The item-level parts of {@link LogLinearFit}: the HC3 standard error of the least-squares slope and the logistic
 * regression of correctness on x. Items come as the sorted x values of the right ({@code xr}) and the wrong
 * ({@code xw}) answers, so sums run in one fixed order.
 */
final class ItemFits {
    private static final int MAX_ITERATIONS = 200;

    private ItemFits() {
    }

    /** HC3 standard error of the slope of the line {@code a + b·x}; {@code mean} = x̄, {@code sxx} = Σ (x − x̄)². */
    static double hc3(double[] xr, double[] xw, double a, double b, double mean, double sxx) {
        int n = xr.length + xw.length;
        double sum = 0;
        for (int pass = 0; pass < 2; pass++) {
            double[] xs = pass == 0 ? xr : xw;
            double y = pass == 0 ? 1.0 : 0.0;
            for (double x : xs) {
                double d = x - mean;
                double h = 1.0 / n + d * d / sxx;
                if (!(h < 1)) {
                    return Double.NaN;
                }
                double e = (y - a - b * x) / (1 - h);
                sum += d * d * e * e;
            }
        }
        return Math.sqrt(sum) / sxx;
    }

    /** A logistic fit: the coefficient of x with its Wald interval, and the average marginal effect. */
    record Logistic(Estimate coefficient, Estimate marginal) {
        static final Logistic NONE = new Logistic(Estimate.NONE, Estimate.NONE);
    }

    /** Maximum-likelihood logistic regression of y on x; {@link Logistic#NONE} when separated or not converged. */
    static Logistic logistic(double[] xr, double[] xw) {
        if (xr.length == 0 || xw.length == 0 || xw[xw.length - 1] <= xr[0] || xr[xr.length - 1] <= xw[0]) {
            return Logistic.NONE;
        }
        // distinct x values with their counts of items and of right answers, ascending
        int cap = xr.length + xw.length;
        double[] gx = new double[cap];
        long[] gn = new long[cap];
        long[] gk = new long[cap];
        int groups = 0;
        int i = 0;
        int j = 0;
        while (i < xr.length || j < xw.length) {
            boolean takeRight = j >= xw.length || i < xr.length && xr[i] <= xw[j];
            double x = takeRight ? xr[i++] : xw[j++];
            if (groups == 0 || gx[groups - 1] != x) {
                gx[groups++] = x;
            }
            gn[groups - 1]++;
            if (takeRight) {
                gk[groups - 1]++;
            }
        }
        double total = cap;
        double b0 = Math.log(xr.length / (double) xw.length);
        double b1 = 0;
        double ll = logLikelihood(gx, gn, gk, groups, b0, b1);
        boolean converged = false;
        for (int it = 0; it < MAX_ITERATIONS && !converged; it++) {
            double g0 = 0, g1 = 0, i00 = 0, i01 = 0, i11 = 0;
            for (int g = 0; g < groups; g++) {
                double p = sigmoid(b0 + b1 * gx[g]);
                double w = gn[g] * p * (1 - p);
                double r = gk[g] - gn[g] * p;
                g0 += r;
                g1 += r * gx[g];
                i00 += w;
                i01 += w * gx[g];
                i11 += w * gx[g] * gx[g];
            }
            double det = i00 * i11 - i01 * i01;
            if (!(det > 0)) {
                return Logistic.NONE;
            }
            double d0 = (i11 * g0 - i01 * g1) / det;
            double d1 = (i00 * g1 - i01 * g0) / det;
            double step = 1;
            double next = logLikelihood(gx, gn, gk, groups, b0 + d0, b1 + d1);
            while (next < ll - 1e-12 * Math.abs(ll) && step > 1e-10) {
                step /= 2;
                next = logLikelihood(gx, gn, gk, groups, b0 + step * d0, b1 + step * d1);
            }
            b0 += step * d0;
            b1 += step * d1;
            ll = next;
            converged = Math.abs(step * d0) <= 1e-14 * (1 + Math.abs(b0))
                    && Math.abs(step * d1) <= 1e-14 * (1 + Math.abs(b1));
        }
        if (!converged) {
            return Logistic.NONE;
        }
        // information matrix, its inverse (the covariance) and the marginal effect at the estimate
        double i00 = 0, i01 = 0, i11 = 0, ame = 0, a0 = 0, a1 = 0;
        for (int g = 0; g < groups; g++) {
            double p = sigmoid(b0 + b1 * gx[g]);
            double pq = p * (1 - p);
            double w = gn[g] * pq;
            i00 += w;
            i01 += w * gx[g];
            i11 += w * gx[g] * gx[g];
            ame += gn[g] * b1 * pq;
            double dpq = pq * (1 - 2 * p); // d(pq)/d(linear predictor)
            a0 += gn[g] * b1 * dpq;
            a1 += gn[g] * (pq + b1 * dpq * gx[g]);
        }
        ame /= total;
        a0 /= total;
        a1 /= total;
        double det = i00 * i11 - i01 * i01;
        double c00 = i11 / det;
        double c01 = -i01 / det;
        double c11 = i00 / det;
        double seB = Math.sqrt(c11);
        double seAme = Math.sqrt(a0 * a0 * c00 + 2 * a0 * a1 * c01 + a1 * a1 * c11);
        double z = Proportions.Z;
        return new Logistic(new Estimate(b1, b1 - z * seB, b1 + z * seB),
                new Estimate(ame, ame - z * seAme, ame + z * seAme));
    }

    private static double logLikelihood(double[] gx, long[] gn, long[] gk, int groups, double b0, double b1) {
        double ll = 0;
        for (int g = 0; g < groups; g++) {
            double eta = b0 + b1 * gx[g];
            // log p = −log(1 + e^−η), log(1 − p) = −log(1 + e^η), both computed without overflow
            ll -= gk[g] * softplus(-eta) + (gn[g] - gk[g]) * softplus(eta);
        }
        return ll;
    }

    private static double softplus(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }
}
