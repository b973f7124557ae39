package io.serfnode.agent.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.spawn.MemberContainerPlan.ContainerFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class ContainerFilesTest {

    @Test
    void archivesFilesWithTheirParentDirectoriesAndModesRelativeToTheRoot() throws IOException {
        byte[] tar = ContainerFiles.tar(Map.of(
                "/etc/serfnode/serfnode.yml", new ContainerFile("role: web\n".getBytes(StandardCharsets.UTF_8), 0644),
                "/etc/serfnode/api-token", new ContainerFile("t".getBytes(StandardCharsets.UTF_8), 0400)));

        List<String> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String content = entry.isDirectory() ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                entries.add(entry.getName() + " " + Integer.toOctalString(entry.getMode() & 07777) + " " + content);
            }
        }
        assertThat(entries).containsExactly("etc/ 755 ", "etc/serfnode/ 755 ", "etc/serfnode/api-token 400 t",
                "etc/serfnode/serfnode.yml 644 role: web\n");
    }

    @Test
    void refusesAPathThatIsNotPlainAndAbsolute() {
        ContainerFile file = new ContainerFile(new byte[0], 0644);
        assertThatThrownBy(() -> ContainerFiles.tar(Map.of("etc/x", file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'etc/x'");
        assertThatThrownBy(() -> ContainerFiles.tar(Map.of("/etc/../x", file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/etc/../x'");
    }
}
