package io.serfnode.agent.serf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerfKeyringFileTest {
    @TempDir
    Path directory;

    @Test
    void writesKeysAsAJsonListPrimaryFirstReadableByOwnerOnly() throws Exception {
        String primary = SerfEncryptionKeys.generate();
        String secondary = SerfEncryptionKeys.generate();
        Path file = directory.resolve("keyring.json");

        SerfKeyringFile.write(file, List.of(primary, secondary));

        assertThat(new ObjectMapper().readValue(file.toFile(), String[].class)).containsExactly(primary, secondary);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void refusesAnEmptyKeyring() {
        assertThatThrownBy(() -> SerfKeyringFile.write(directory.resolve("k.json"), List.of()))
                .hasMessageContaining("at least one key");
    }

    @Test
    void namesTheBadKeyByPosition() {
        assertThatThrownBy(() -> SerfKeyringFile.write(directory.resolve("k.json"),
                List.of(SerfEncryptionKeys.generate(), "AAAA")))
                .hasMessageContaining("key 1")
                .hasMessageContaining("decodes to 3 bytes");
    }
}
