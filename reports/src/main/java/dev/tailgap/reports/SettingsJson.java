package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/** {@link Settings} and {@link SettingValue}s as JSON: names sorted, non-finite numbers as {@code null}. */
final class SettingsJson {
    private SettingsJson() {
    }

    static void write(JsonGenerator g, Settings s) throws IOException {
        g.writeStartObject();
        for (Setting e : s.entries()) {
            g.writeFieldName(e.name());
            write(g, e.value());
        }
        g.writeEndObject();
    }

    static void write(JsonGenerator g, SettingValue v) throws IOException {
        if (v instanceof SettingValue.Text t) {
            g.writeString(t.value());
        } else if (v instanceof SettingValue.Flag f) {
            g.writeBoolean(f.value());
        } else if (v instanceof SettingValue.Num n) {
            number(g, n.value());
        } else if (v instanceof SettingValue.Items items) {
            g.writeStartArray();
            for (SettingValue x : items.values()) {
                write(g, x);
            }
            g.writeEndArray();
        } else if (v instanceof SettingValue.Group group) {
            write(g, group.settings());
        } else {
            g.writeNull();
        }
    }

    private static void number(JsonGenerator g, Number v) throws IOException {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(v.longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Float f) {
            if (Float.isFinite(f)) {
                g.writeNumber(f);
            } else {
                g.writeNull();
            }
        } else {
            double d = v.doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        }
    }

    /** A value as compact JSON. */
    static String compact(SettingValue v) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JsonTrees.FACTORY.createGenerator(w)) {
            write(g, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }
}
