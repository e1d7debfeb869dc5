package dev.tailgap.reports;

import java.util.Objects;

/** One named run setting. */
public record Setting(String name, SettingValue value) {
    public Setting {
        Objects.requireNonNull(name, "name");
        value = value == null ? new SettingValue.Null() : value;
    }
}
