package dev.tailgap.datasets.frequency;

/**
 * A corpus file that cannot be counted: invalid UTF-8, a broken JSON line, a truncated or corrupt compressed
 * stream, or a read error. The message is one line: {@code PATH: offset N: PROBLEM}, where N is the byte offset in
 * the (decompressed) text of the line or byte at fault.
 */
public final class BadShardException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final long offset;
    private final String problem;

    public BadShardException(String path, long offset, String problem) {
        super(path + ": offset " + offset + ": " + problem);
        this.path = path;
        this.offset = offset;
        this.problem = problem;
    }

    public String path() {
        return path;
    }

    public long offset() {
        return offset;
    }

    public String problem() {
        return problem;
    }
}
