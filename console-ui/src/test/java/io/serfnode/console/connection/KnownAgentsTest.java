package io.serfnode.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownAgentsTest {
    @TempDir
    Path dir;

    @Test
    void remembersOneFingerprintPerHostAndPort() {
        KnownAgents known = new KnownAgents(dir.resolve("sub/known-agents"));
        known.remember("127.0.0.11:7800", "AA:BB");
        known.remember("127.0.0.12:7800", "CC:DD");
        known.remember("127.0.0.11:7800", "EE:FF");

        KnownAgents again = new KnownAgents(dir.resolve("sub/known-agents"));
        assertThat(again.fingerprintOf("127.0.0.11:7800")).contains("EE:FF");
        assertThat(again.fingerprintOf("127.0.0.12:7800")).contains("CC:DD");
        assertThat(again.fingerprintOf("127.0.0.13:7800")).isEmpty();
    }

    @Test
    void aDamagedLineIsReportedWithItsPlace() throws Exception {
        Path file = dir.resolve("known-agents");
        Files.writeString(file, "# comment\n127.0.0.11:7800\n");

        assertThatThrownBy(() -> new KnownAgents(file).fingerprintOf("x")).hasMessageContaining(file + ":2")
                .hasMessageContaining("host:port fingerprint");
    }
}
