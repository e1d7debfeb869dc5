package dev.tailgap.reports;

/** Which dataset a run used: {@code name@version}, the sha256 of its item file, its size and what frequency means. */
public record DatasetRef(String name, String version, String sha256, int size, String frequencySource,
                         String license) {
}
