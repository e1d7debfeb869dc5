package dev.tailgap.harness.scoring;

/**
 * Separates reasoning that a model wrote into its answer as a {@code <think>…</think>} (or {@code <thinking>…
 * </thinking>}) block at the start, as DeepSeek-R1, Qwen3 and other reasoning models do when the server does not
 * split it off itself. Only the answer after the block is scored; the block is kept as reasoning. An opening tag
 * without a closing one (the token limit cut the reasoning) leaves no answer at all.
 */
public final class ThinkBlocks {
    private ThinkBlocks() {
    }

    /** Reasoning and answer of one reply text. */
    public record Split(String reasoning, String answer) {
    }

    /** Splits {@code text}; without a leading block the reasoning is {@code null} and the answer is the text. */
    public static Split split(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        for (String tag : new String[] {"think", "thinking"}) {
            String open = "<" + tag + ">";
            if (text.regionMatches(true, start, open, 0, open.length())) {
                String close = "</" + tag + ">";
                int end = indexOfIgnoreCase(text, close, start + open.length());
                if (end < 0) {
                    return new Split(text.substring(start + open.length()).strip(), "");
                }
                return new Split(text.substring(start + open.length(), end).strip(),
                        text.substring(end + close.length()).strip());
            }
        }
        return new Split(null, text);
    }

    private static int indexOfIgnoreCase(String text, String needle, int from) {
        for (int i = from; i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
