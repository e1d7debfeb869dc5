package dev.tailgap.reports;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One value of a run's settings, immutable and JSON-shaped: text, a flag, a number, nothing, a list or a nested group
 * of named settings. {@link #of} turns a JSON-like Java tree (as Jackson reads it, or as a run builds it) into one.
 */
public sealed interface SettingValue {
    /** A string. */
    record Text(String value) implements SettingValue {
    }

    /** A boolean. */
    record Flag(boolean value) implements SettingValue {
    }

    /**
     * A number as given: {@link Long} or {@link BigInteger} for integers, {@link Double}, {@link Float} or
     * {@link BigDecimal} otherwise; a non-finite one is written as {@code null}.
     */
    record Num(Number value) implements SettingValue {
    }

    /** An explicit {@code null}. */
    record Null() implements SettingValue {
    }

    /** A list. */
    record Items(List<SettingValue> values) implements SettingValue {
        public Items {
            values = List.copyOf(values);
        }
    }

    /** Named settings nested under one name, sorted by name. */
    record Group(Settings settings) implements SettingValue {
    }

    /** The value of a JSON-like Java object: maps become groups, collections and arrays lists, enums their name. */
    static SettingValue of(Object v) {
        if (v == null) {
            return new Null();
        } else if (v instanceof SettingValue s) {
            return s;
        } else if (v instanceof String s) {
            return new Text(s);
        } else if (v instanceof Boolean b) {
            return new Flag(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return new Num(((Number) v).longValue());
        } else if (v instanceof Number n) {
            return new Num(n);
        } else if (v instanceof Map<?, ?> m) {
            return new Group(Settings.of(m));
        } else if (v instanceof Collection<?> c) {
            List<SettingValue> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(of(x)));
            return new Items(out);
        } else if (v instanceof Object[] a) {
            return of(List.of(a));
        } else if (v instanceof Enum<?> e) {
            return new Text(e.name());
        }
        return new Text(v.toString());
    }
}
