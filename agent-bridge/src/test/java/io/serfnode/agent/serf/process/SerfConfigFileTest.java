package io.serfnode.agent.serf.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerfConfigFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAA==";

    @TempDir
    Path directory;

    @Test
    void rendersEverySettingUnderSerfsKeyNames() throws Exception {
        SerfAgentConfig config = SerfAgentConfig.local("a", "127.0.0.2", 7946, 7373)
                .withAdvertise(SerfAddress.parse("127.0.0.3:8946"))
                .withRpcAuthToken("token")
                .withTag("role", "web db")
                .withStartJoin(List.of(SerfAddress.parse("127.0.0.4:7946")))
                .withRetryJoin(List.of(SerfAddress.parse("127.0.0.5:7946")))
                .withRetryInterval(Duration.ofMillis(1500))
                .withRetryMaxAttempts(3)
                .withEncryptKey(KEY)
                .withLogLevel(SerfLogLevel.DEBUG)
                .withSkipLeaveOnInterrupt(true)
                .withReconnectInterval(Duration.ofSeconds(1))
                .withReconnectTimeout(Duration.ofMinutes(2))
                .withTombstoneTimeout(Duration.ofHours(1))
                .withSnapshotPath(Path.of("/var/lib/serf/snapshot"))
                .withRejoinAfterLeave(true)
                .withReplayOnJoin(true);

        JsonNode json = JSON.readTree(SerfConfigFile.render(config));

        assertThat(json.path("node_name").asText()).isEqualTo("a");
        assertThat(json.path("bind").asText()).isEqualTo("127.0.0.2:7946");
        assertThat(json.path("advertise").asText()).isEqualTo("127.0.0.3:8946");
        assertThat(json.path("rpc_addr").asText()).isEqualTo("127.0.0.2:7373");
        assertThat(json.path("rpc_auth").asText()).isEqualTo("token");
        assertThat(json.path("tags").path("role").asText()).isEqualTo("web db");
        assertThat(json.path("start_join").get(0).asText()).isEqualTo("127.0.0.4:7946");
        assertThat(json.path("retry_join").get(0).asText()).isEqualTo("127.0.0.5:7946");
        assertThat(json.path("retry_interval").asText()).isEqualTo("1500ms");
        assertThat(json.path("retry_max_attempts").asInt()).isEqualTo(3);
        assertThat(json.path("encrypt_key").asText()).isEqualTo(KEY);
        assertThat(json.path("profile").asText()).isEqualTo("local");
        assertThat(json.path("log_level").asText()).isEqualTo("DEBUG");
        assertThat(json.path("leave_on_terminate").asBoolean()).isTrue();
        assertThat(json.path("skip_leave_on_interrupt").asBoolean()).isTrue();
        assertThat(json.path("reconnect_interval").asText()).isEqualTo("1000ms");
        assertThat(json.path("reconnect_timeout").asText()).isEqualTo("120000ms");
        assertThat(json.path("tombstone_timeout").asText()).isEqualTo("3600000ms");
        assertThat(json.path("snapshot_path").asText()).isEqualTo("/var/lib/serf/snapshot");
        assertThat(json.path("rejoin_after_leave").asBoolean()).isTrue();
        assertThat(json.path("replay_on_join").asBoolean()).isTrue();
    }

    @Test
    void leavesUnsetSettingsToSerfsDefaults() throws Exception {
        JsonNode json = JSON.readTree(SerfConfigFile.render(SerfAgentConfig.local("a", "127.0.0.2", 7946, 7373)));

        assertThat(json.has("advertise")).isFalse();
        assertThat(json.has("rpc_auth")).isFalse();
        assertThat(json.has("encrypt_key")).isFalse();
        assertThat(json.has("keyring_file")).isFalse();
        assertThat(json.has("start_join")).isFalse();
        assertThat(json.has("retry_interval")).isFalse();
        assertThat(json.has("reconnect_timeout")).isFalse();
        assertThat(json.has("snapshot_path")).isFalse();
        assertThat(json.has("event_handlers")).isFalse();
    }

    @Test
    void keepsTagValuesWithQuotesAndNewlinesIntact() throws Exception {
        String awkward = "say \"hi\"\nand\\leave";
        JsonNode json = JSON.readTree(SerfConfigFile.render(SerfAgentConfig.local("a", "127.0.0.2", 7946, 7373)
                .withTag("note", awkward)));

        assertThat(json.path("tags").path("note").asText()).isEqualTo(awkward);
    }

    @Test
    void rendersKeyringFileAsAbsolutePath() throws Exception {
        JsonNode json = JSON.readTree(SerfConfigFile.render(SerfAgentConfig.local("a", "127.0.0.2", 7946, 7373)
                .withKeyringFile(Path.of("keyring.json"))));

        assertThat(Path.of(json.path("keyring_file").asText())).isEqualTo(Path.of("keyring.json").toAbsolutePath());
    }

    @Test
    void writesTheFileReadableByItsOwnerOnly() throws Exception {
        Path file = directory.resolve("conf").resolve("a.json");

        SerfConfigFile.write(SerfAgentConfig.local("a", "127.0.0.2", 7946, 7373).withRpcAuthToken("token"), file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(JSON.readTree(file.toFile()).path("rpc_auth").asText()).isEqualTo("token");
    }

    @Test
    void replacesAnExistingFile() throws Exception {
        Path file = directory.resolve("a.json");
        SerfConfigFile.write(SerfAgentConfig.local("a", "127.0.0.2", 7946, 7373), file);

        SerfConfigFile.write(SerfAgentConfig.local("b", "127.0.0.2", 7946, 7373), file);

        assertThat(JSON.readTree(file.toFile()).path("node_name").asText()).isEqualTo("b");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }
}
