package io.serfnode.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void readsAScriptedStartThatWritesAPngAndExits() {
        LaunchOptions options = LaunchOptions.parse(List.of("--connect", "ws://127.0.0.2:7070/v1/cluster",
                "--token-file", "/tmp/token", "--snapshot-png", "out.png", "--exit"));

        assertThat(options.connect()).contains("ws://127.0.0.2:7070/v1/cluster");
        assertThat(options.tokenFile()).contains(Path.of("/tmp/token"));
        assertThat(options.snapshotPng()).contains(Path.of("out.png"));
        assertThat(options.exit()).isTrue();
    }

    @Test
    void startsPlainWithoutArguments() {
        LaunchOptions options = LaunchOptions.parse(List.of());

        assertThat(options.connect()).isEmpty();
        assertThat(options.configDir()).isEqualTo(LaunchOptions.defaultConfigDir());
    }

    @Test
    void namesTheArgumentThatIsWrong() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--connect", "ws://x:1")))
                .hasMessage("--connect needs --token-file (the cluster's API token)");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--token-file")))
                .hasMessage("--token-file: missing value");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--bogus")))
                .hasMessage("unknown argument '--bogus' (see --help)");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--theme", "pink")))
                .hasMessage("--theme: expected light or dark, found 'pink'");
    }
}
