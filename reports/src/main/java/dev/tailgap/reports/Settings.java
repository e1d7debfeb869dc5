package dev.tailgap.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A run's settings as a report shows them: named values sorted by name (nested groups too), no secrets. What
 * {@code report.json} writes under {@code run}, and what the HTML and Markdown show as rows.
 */
public record Settings(List<Setting> entries) {
    /** No settings. */
    public static final Settings NONE = new Settings(List.of());

    public Settings {
        List<Setting> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Setting::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("setting '" + sorted.get(i).name() + "' is given twice");
            }
        }
        entries = List.copyOf(sorted);
    }

    /** The settings of a JSON-like map (keys as strings). */
    public static Settings of(Map<?, ?> tree) {
        if (tree == null) {
            return NONE;
        }
        List<Setting> out = new ArrayList<>(tree.size());
        tree.forEach((k, v) -> out.add(new Setting(String.valueOf(k), SettingValue.of(v))));
        return new Settings(out);
    }

    /** The value at a dotted path ({@code generation.temperature}), or {@code null}. */
    public SettingValue get(String path) {
        Settings level = this;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            SettingValue found = null;
            for (Setting s : level.entries) {
                if (s.name().equals(parts[i])) {
                    found = s.value();
                }
            }
            if (found == null || i == parts.length - 1) {
                return found;
            }
            if (!(found instanceof SettingValue.Group g)) {
                return null;
            }
            level = g.settings();
        }
        return null;
    }

    /** The group at {@code path}, or {@link #NONE}. */
    public Settings group(String path) {
        return get(path) instanceof SettingValue.Group g ? g.settings() : NONE;
    }

    /** The value at {@code path} as text: strings as they are, others as compact JSON; {@code null} when absent. */
    public String text(String path) {
        SettingValue v = get(path);
        if (v == null || v instanceof SettingValue.Null) {
            return null;
        }
        return v instanceof SettingValue.Text t ? t.value() : SettingsJson.compact(v);
    }

    /** One row per leaf, named by its dotted path, in name order; lists are shown as compact JSON. */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        flatten("", this, out);
        return out;
    }

    private static void flatten(String prefix, Settings s, List<Row> out) {
        for (Setting e : s.entries) {
            String name = prefix + e.name();
            if (e.value() instanceof SettingValue.Group g && !g.settings().entries().isEmpty()) {
                flatten(name + ".", g.settings(), out);
            } else {
                out.add(new Row(name, e.value() instanceof SettingValue.Text t ? t.value()
                        : SettingsJson.compact(e.value())));
            }
        }
    }

    /** A setting for display: its dotted name and its value as text. */
    public record Row(String name, String value) {
    }
}
