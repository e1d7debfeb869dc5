package dev.tailgap.harness;

/**
 * The name the user runs tailgap by, for usage lines and hints ({@code ./tailgap run --resume …}): the system property
 * {@code tailgap.program} (the launcher script sets it from how it was called), else {@code tailgap}.
 */
public final class ProgramName {
    /** The system property the launcher sets. */
    public static final String PROPERTY = "tailgap.program";
    private static final String DEFAULT = "tailgap";

    private ProgramName() {
    }

    /** The program name; never blank. */
    public static String get() {
        String name = System.getProperty(PROPERTY);
        return name == null || name.isBlank() ? DEFAULT : name.strip();
    }
}
