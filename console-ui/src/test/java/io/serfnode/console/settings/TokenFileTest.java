package io.serfnode.console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTheTokenWithoutTheTrailingNewline() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "s3cret\n");

        assertThat(TokenFile.read(file)).isEqualTo("s3cret");
    }

    @Test
    void refusesAMissingOrEmptyFileNamingIt() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");

        assertThatThrownBy(() -> TokenFile.read(dir.resolve("missing"))).hasMessageContaining("missing")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TokenFile.read(empty)).hasMessageContaining(empty.toString()).hasMessageContaining("empty");
    }
}
