package io.serfnode.agent.devif;

import static io.serfnode.agent.devif.Views.SELF;
import static io.serfnode.agent.devif.Views.plain;
import static io.serfnode.agent.devif.Views.serfnode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.support.ComponentLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedHostsFileTest {
    private static final String DOCKER_HOSTS = """
            127.0.0.1\tlocalhost
            ::1\tlocalhost ip6-localhost ip6-loopback
            # a comment someone wrote
            172.17.0.2\tcontainer-id
            """;

    @TempDir
    Path dir;

    private Path etcHosts;
    private DeveloperFiles files;

    @BeforeEach
    void createFiles() throws IOException {
        etcHosts = dir.resolve("etc-hosts");
        Files.writeString(etcHosts, DOCKER_HOSTS);
        files = new DeveloperFiles(DeveloperFilesConfig.inStateDir(dir.resolve("state")).withSharedHostsFile(etcHosts),
                ComponentLog.of(SELF, "devif"));
    }

    @Test
    void appendsTheManagedBlockAndKeepsEveryOtherLine() throws IOException {
        files.write(view("web"));

        assertThat(Files.readString(etcHosts)).isEqualTo(DOCKER_HOSTS + """
                # serfnode begin
                127.0.0.11 web
                127.0.0.11 alpha
                127.0.0.13 gamma
                # serfnode end
                """);
    }

    @Test
    void replacesOnlyTheBlockOnLaterViews() throws IOException {
        files.write(view("web"));
        Files.writeString(etcHosts, Files.readString(etcHosts) + "10.1.1.1 added-later\n");

        files.write(view("db"));

        assertThat(Files.readAllLines(etcHosts)).containsExactly(
                "127.0.0.1\tlocalhost",
                "::1\tlocalhost ip6-localhost ip6-loopback",
                "# a comment someone wrote",
                "172.17.0.2\tcontainer-id",
                "# serfnode begin",
                "127.0.0.11 db",
                "127.0.0.11 alpha",
                "127.0.0.13 gamma",
                "# serfnode end",
                "10.1.1.1 added-later");
        assertThat(Files.readAllLines(dir.resolve("state").resolve("hosts")))
                .containsExactly("127.0.0.11 db", "127.0.0.11 alpha", "127.0.0.13 gamma");
    }

    @Test
    void leavesTheSharedFileAloneWhenTheBlockIsUnchanged() throws IOException {
        files.write(view("web"));
        Object inode = Files.readAttributes(etcHosts, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        assertThat(files.write(view("web"))).isEmpty();
        assertThat(Files.readAttributes(etcHosts, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(inode);
    }

    @Test
    void createsTheSharedFileWhenItIsMissing() throws IOException {
        Files.delete(etcHosts);

        files.write(view("web"));

        assertThat(Files.readAllLines(etcHosts)).containsExactly(
                "# serfnode begin", "127.0.0.11 web", "127.0.0.11 alpha", "127.0.0.13 gamma", "# serfnode end");
    }

    @Test
    void refusesABlockThatIsNeverClosedAndNamesTheLine() throws IOException {
        Files.writeString(etcHosts, DOCKER_HOSTS + "# serfnode begin\n127.0.0.9 old\n10.0.0.1 someone-elses\n");

        assertThatThrownBy(() -> files.write(view("web")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(etcHosts + ":5")
                .hasMessageContaining("never closed");
        assertThat(Files.readString(etcHosts)).endsWith("10.0.0.1 someone-elses\n");
        assertThat(dir.resolve("state").resolve("hosts")).exists();
    }

    @Test
    void rewritesInPlaceWithExactlyTheNewContent() throws IOException {
        Files.writeString(etcHosts, "a much longer content than what replaces it\n".repeat(5));

        AtomicFiles.rewriteInPlace(etcHosts, "short\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(Files.readString(etcHosts)).isEqualTo("short\n");
    }

    private static DeveloperView view(String selfRole) {
        return new DeveloperView(SELF, List.of(serfnode(SELF, "127.0.0.11", selfRole, "1"), plain("gamma", "127.0.0.13")),
                List.of());
    }
}
