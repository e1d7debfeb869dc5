package dev.tailgap.harness.stats;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact running sum of finite doubles (and of their squares), held as {@code units · 2^-scale} with an unbounded
 * integer. No addition ever rounds, so the sum does not depend on the order of the terms or on how partial sums are
 * merged. Not thread-safe.
 */
final class ExactSum {
    private BigInteger units = BigInteger.ZERO;
    private int scale;

    /** Adds {@code value} exactly. */
    void add(double value) {
        if (value == 0.0) {
            return;
        }
        long mantissa = mantissa(value);
        int exponent = exponent(value);
        int zeros = Long.numberOfTrailingZeros(mantissa);
        addScaled(BigInteger.valueOf(mantissa >> zeros), exponent + zeros);
    }

    /** Adds {@code value²} exactly. */
    void addSquare(double value) {
        if (value == 0.0) {
            return;
        }
        long mantissa = Math.abs(mantissa(value));
        int exponent = exponent(value);
        int zeros = Long.numberOfTrailingZeros(mantissa);
        BigInteger m = BigInteger.valueOf(mantissa >> zeros);
        addScaled(m.multiply(m), 2 * (exponent + zeros));
    }

    /** Adds another exact sum. */
    void add(ExactSum other) {
        addScaled(other.units, -other.scale);
    }

    /** The exact sum as a decimal (every dyadic rational has a finite decimal expansion). */
    BigDecimal value() {
        if (scale == 0) {
            return new BigDecimal(units);
        }
        // 2^-scale = 5^scale · 10^-scale
        return new BigDecimal(units.multiply(BigInteger.valueOf(5).pow(scale)), scale);
    }

    ExactSum copy() {
        ExactSum copy = new ExactSum();
        copy.units = units;
        copy.scale = scale;
        return copy;
    }

    /** Adds {@code m · 2^exponent}. */
    private void addScaled(BigInteger m, int exponent) {
        if (m.signum() == 0) {
            return;
        }
        int needed = -exponent; // the term is m / 2^needed
        if (needed > scale) {
            units = units.shiftLeft(needed - scale);
            scale = needed;
        }
        units = units.add(m.shiftLeft(scale - needed));
    }

    /** Signed integer significand: value = mantissa · 2^exponent(value). */
    private static long mantissa(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        long bits = Double.doubleToRawLongBits(value);
        long fraction = bits & 0x000F_FFFF_FFFF_FFFFL;
        long significand = Math.getExponent(value) == Double.MIN_EXPONENT - 1 ? fraction : fraction | 0x0010_0000_0000_0000L;
        return value < 0 ? -significand : significand;
    }

    private static int exponent(double value) {
        int unbiased = Math.getExponent(value);
        return (unbiased == Double.MIN_EXPONENT - 1 ? Double.MIN_EXPONENT : unbiased) - 52;
    }
}
