package dev.tailgap.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Locale-independent number formatting shared by the renderers. */
final class Numbers {
    private Numbers() {
    }

    /** A rate or interval bound for JSON: six decimals (half-even), trailing zeros dropped, at least one decimal. */
    static String json6(double d) {
        requireFinite(d);
        BigDecimal b = BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (b.scale() < 1) {
            b = b.setScale(1, RoundingMode.UNNECESSARY);
        }
        return b.toPlainString();
    }

    /** A p-value for JSON: six significant digits (half-even), exponent notation below 1e-6. */
    static String sig6(double d) {
        requireFinite(d);
        if (d == 0) {
            return "0.0";
        }
        BigDecimal b = new BigDecimal(d).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String s = b.abs().compareTo(new BigDecimal("1e-6")) < 0 ? b.toString() : b.toPlainString();
        return s.contains(".") || s.contains("E") ? s : s + ".0";
    }

    /** A p-value for people: three significant digits, "< 0.0001" below that. */
    static String p(double d) {
        if (Double.isNaN(d)) {
            return "\u2014";
        }
        if (d < 0.0001) {
            return "< 0.0001";
        }
        if (d >= 0.9995) {
            return "1";
        }
        return new BigDecimal(d).round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }

    /** A frequency for JSON: an integer when integral, otherwise the shortest decimal that reads back exactly. */
    static String jsonFrequency(double d) {
        requireFinite(d);
        if (d == Math.rint(d)) {
            return new BigDecimal(d).toPlainString();
        }
        return BigDecimal.valueOf(d).toPlainString();
    }

    /** A proportion as a percentage with one decimal, no sign for zero: {@code 0.6125 -> "61.3"}. */
    static String pct(double p) {
        return BigDecimal.valueOf(p).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Like {@link #pct} with a leading {@code +} for positive values. */
    static String signedPct(double p) {
        String s = pct(p);
        return isZero(s) || s.startsWith("-") ? s : "+" + s;
    }

    /** True when a formatted number is zero ({@code "0.0"}, {@code "0.00"}). */
    static boolean isZero(String formatted) {
        return new BigDecimal(formatted).signum() == 0;
    }

    /** A value with {@code decimals} decimals, half-up. */
    static String fixed(double d, int decimals) {
        return BigDecimal.valueOf(d).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** Like {@link #fixed} with a leading {@code +} for positive values. */
    static String signed(double d, int decimals) {
        String s = fixed(d, decimals);
        return isZero(s) || s.startsWith("-") ? s : "+" + s;
    }

    /** A count with comma grouping: {@code 14267 -> "14,267"}. */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static final String[] UNITS = {"", "k", "M", "B", "T"};

    /** A frequency in three significant digits with a k/M/B/T suffix: {@code 48210 -> "48.2k"}. */
    static String compact(double d) {
        if (Double.isNaN(d)) {
            return "?";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal b = BigDecimal.valueOf(Math.abs(d));
        int unit = 0;
        BigDecimal shown = b.round(new MathContext(3, RoundingMode.HALF_UP));
        while (unit < UNITS.length - 1 && shown.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            unit++;
            shown = b.movePointLeft(3 * unit).round(new MathContext(3, RoundingMode.HALF_UP));
        }
        String s = shown.stripTrailingZeros().toPlainString();
        return (d < 0 ? "-" : "") + s + UNITS[unit];
    }

    private static void requireFinite(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
    }
}
