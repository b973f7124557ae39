package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void splitsOnBlanks() throws ShellWords.SyntaxException {
        assertThat(ShellWords.split("  sleep\t infinity ")).containsExactly("sleep", "infinity");
    }

    @Test
    void keepsSingleQuotedTextLiterally() throws ShellWords.SyntaxException {
        assertThat(ShellWords.split("sh -c 'echo \"$HOME\" \\n'")).containsExactly("sh", "-c", "echo \"$HOME\" \\n");
    }

    @Test
    void honoursEscapesInDoubleQuotes() throws ShellWords.SyntaxException {
        assertThat(ShellWords.split("echo \"a \\\"b\\\" \\$c \\n\"")).containsExactly("echo", "a \"b\" $c \\n");
    }

    @Test
    void joinsQuotedPartsOfOneWord() throws ShellWords.SyntaxException {
        assertThat(ShellWords.split("--name='my app'\"-1\" x\\ y")).containsExactly("--name=my app-1", "x y");
    }

    @Test
    void keepsEmptyQuotedWords() throws ShellWords.SyntaxException {
        assertThat(ShellWords.split("redis-server --save ''")).containsExactly("redis-server", "--save", "");
    }

    @Test
    void refusesUnterminatedQuotes() {
        assertThatThrownBy(() -> ShellWords.split("echo 'oops")).hasMessage("unterminated single quote");
        assertThatThrownBy(() -> ShellWords.split("echo \"oops")).hasMessage("unterminated double quote");
        assertThatThrownBy(() -> ShellWords.split("echo \\")).hasMessageContaining("backslash");
    }
}
