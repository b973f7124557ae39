package io.serfnode.agent.serf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerfAgentConfigTest {
    private static final String KEY_16 = "AAAAAAAAAAAAAAAAAAAAAA==";
    private static final String KEY_20 = "AAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private final SerfAgentConfig local = SerfAgentConfig.local("a", "127.0.0.2", 7946, 7373);

    @Test
    void localPresetPutsGossipAndRpcOnOneIpAndLeavesOnTerminate() {
        assertThat(local.bind()).isEqualTo(SerfAddress.of("127.0.0.2", 7946));
        assertThat(local.rpcAddress()).isEqualTo(SerfAddress.of("127.0.0.2", 7373));
        assertThat(local.profile()).isEqualTo(SerfProfile.LOCAL);
        assertThat(local.leaveOnTerminate()).isTrue();
        assertThat(local.encrypted()).isFalse();
        assertThat(local.tags()).isEmpty();
    }

    @Test
    void lanPresetUsesTheLanProfile() {
        SerfAgentConfig lan = SerfAgentConfig.lan("a", SerfAddress.parse("10.0.0.1:7946"), SerfAddress.parse("127.0.0.1:7373"));

        assertThat(lan.profile()).isEqualTo(SerfProfile.LAN);
        assertThat(lan.logLevel()).isEqualTo(SerfLogLevel.INFO);
    }

    @Test
    void withCopiesChangeOnlyWhatTheyName() {
        SerfAgentConfig changed = local.withRpcAuthToken("secret").withTag("role", "web");

        assertThat(changed.rpcAuthToken()).isEqualTo("secret");
        assertThat(changed.tags()).containsEntry("role", "web");
        assertThat(changed.withRpcAuthToken(null).withTags(Map.of())).isEqualTo(local);
        assertThat(local.rpcAuthToken()).isNull();
    }

    @Test
    void encryptKeyAndKeyringFileReplaceEachOther() {
        SerfAgentConfig withKeyring = local.withEncryptKey(KEY_16).withKeyringFile(Path.of("/tmp/keyring.json"));
        SerfAgentConfig withKey = withKeyring.withEncryptKey(KEY_16);

        assertThat(withKeyring.encryptKey()).isNull();
        assertThat(withKey.keyringFile()).isNull();
        assertThat(withKey.encrypted()).isTrue();
    }

    @Test
    void refusesEncryptKeyAndKeyringFileTogether() {
        assertThatThrownBy(() -> new SerfAgentConfig("a", local.bind(), null, local.rpcAddress(), null, Map.of(), List.of(),
                List.of(), null, 0, KEY_16, Path.of("/tmp/k.json"), SerfProfile.LAN, SerfLogLevel.INFO, true, false,
                null, null, null, null, false, false))
                .hasMessageContaining("node 'a'")
                .hasMessageContaining("either encryptKey or keyringFile");
    }

    @Test
    void refusesEncryptKeyOfWrongLengthNamingTheLength() {
        assertThatThrownBy(() -> local.withEncryptKey(KEY_20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 'a', encryptKey")
                .hasMessageContaining("16, 24 or 32 bytes")
                .hasMessageContaining("decodes to 20 bytes");
    }

    @Test
    void refusesEncryptKeyThatIsNotBase64() {
        assertThatThrownBy(() -> local.withEncryptKey("not base64 at all!")).hasMessageContaining("not standard base64");
    }

    @Test
    void acceptsGeneratedKeys() {
        assertThat(local.withEncryptKey(SerfEncryptionKeys.generate()).encrypted()).isTrue();
    }

    @Test
    void refusesTagsLargerThanSerfAllowsNamingTheLargest() {
        assertThatThrownBy(() -> local.withTag("role", "web").withTag("description", "x".repeat(600)))
                .hasMessageContaining("node 'a'")
                .hasMessageContaining("serf allows at most 512")
                .hasMessageContaining("the largest is 'description'");
    }

    @Test
    void acceptsTagsFillingTheLimitExactly() {
        assertThat(local.withTag("role", "x".repeat(502)).tags()).hasSize(1);
    }

    @Test
    void refusesTagWithoutValue() {
        Map<String, String> tags = new HashMap<>();
        tags.put("role", null);

        assertThatThrownBy(() -> local.withTags(tags)).hasMessageContaining("tag 'role' has no value");
    }

    @Test
    void tagsAreCopiedAndUnmodifiable() {
        Map<String, String> tags = new HashMap<>(Map.of("role", "web"));
        SerfAgentConfig config = local.withTags(tags);
        tags.put("role", "db");

        assertThat(config.tags()).containsEntry("role", "web");
        assertThatThrownBy(() -> config.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesBlankNodeName() {
        assertThatThrownBy(() -> local.withNodeName(" ")).hasMessageContaining("nodeName is missing");
    }

    @Test
    void refusesMissingRpcAddress() {
        assertThatThrownBy(() -> local.withRpcAddress(null)).hasMessageContaining("node 'a': rpcAddress is missing");
    }

    @Test
    void refusesBlankRpcToken() {
        assertThatThrownBy(() -> local.withRpcAuthToken("")).hasMessageContaining("rpcAuthToken is blank");
    }

    @Test
    void refusesDurationsShorterThanAMillisecond() {
        assertThatThrownBy(() -> local.withReconnectTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("reconnectTimeout is PT-1S");
        assertThatThrownBy(() -> local.withTombstoneTimeout(Duration.ZERO)).hasMessageContaining("tombstoneTimeout");
    }

    @Test
    void refusesNegativeRetryAttempts() {
        assertThatThrownBy(() -> local.withRetryMaxAttempts(-1)).hasMessageContaining("use 0 to retry forever");
    }

    @Test
    void refusesRejoinAfterLeaveWithoutSnapshot() {
        assertThatThrownBy(() -> local.withRejoinAfterLeave(true)).hasMessageContaining("without snapshotPath");
        assertThat(local.withSnapshotPath(Path.of("/tmp/snap")).withRejoinAfterLeave(true).rejoinAfterLeave()).isTrue();
    }

    @Test
    void refusesNullJoinAddress() {
        List<SerfAddress> joins = new java.util.ArrayList<>();
        joins.add(null);

        assertThatThrownBy(() -> local.withRetryJoin(joins)).hasMessageContaining("retryJoin[0] is null");
    }

    @Test
    void toStringHidesTheSecrets() {
        String text = local.withEncryptKey(KEY_16).withRpcAuthToken("top-secret").toString();

        assertThat(text).doesNotContain(KEY_16).doesNotContain("top-secret").contains("encryptKey=***");
    }
}
