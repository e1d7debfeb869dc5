package dev.tailgap.adapters.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsLikeAPosixShellWithoutExpanding() {
        assertThat(ShellWords.split("python3  model.py\t--n 3")).containsExactly("python3", "model.py", "--n", "3");
        assertThat(ShellWords.split("run 'a b' \"c d\" e\\ f")).containsExactly("run", "a b", "c d", "e f");
        assertThat(ShellWords.split("x a'b c'\"d\"e")).containsExactly("x", "ab cde");
        assertThat(ShellWords.split("echo '' \"\"")).containsExactly("echo", "", "");
        assertThat(ShellWords.split("echo \"a\\\"b\\\\c\\$d\\n\" 'no\\escape'"))
                .containsExactly("echo", "a\"b\\c$d\\n", "no\\escape");
        assertThat(ShellWords.split("echo $HOME ~ *.py | wc > out"))
                .containsExactly("echo", "$HOME", "~", "*.py", "|", "wc", ">", "out");
        assertThat(ShellWords.split("a \\\nb")).containsExactly("a", "b");
        assertThat(ShellWords.split("  ")).isEmpty();
    }

    @Test
    void unterminatedQuotesAndTrailingBackslashAreErrors() {
        assertThatThrownBy(() -> ShellWords.split("python3 'model.py")).hasMessageContaining("unterminated ' quote");
        assertThatThrownBy(() -> ShellWords.split("python3 \"model.py")).hasMessageContaining("unterminated \" quote");
        assertThatThrownBy(() -> ShellWords.split("python3 \\")).hasMessageContaining("trailing backslash");
    }
}
