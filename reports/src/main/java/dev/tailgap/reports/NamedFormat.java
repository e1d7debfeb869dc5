package dev.tailgap.reports;

import java.util.List;

/** What a registry knows of a format plug-in: the name users type, other accepted spellings and one line about it. */
public interface NamedFormat {
    /** The format's one spelling, lower case (e.g. {@code markdown}). */
    String name();

    /** Other spellings accepted wherever a format is named (e.g. {@code md}); none by default. */
    default List<String> aliases() {
        return List.of();
    }

    /** One line for {@code tailgap list formats}. */
    String description();
}
