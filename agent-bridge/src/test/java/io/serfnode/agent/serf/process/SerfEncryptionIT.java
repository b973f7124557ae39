package io.serfnode.agent.serf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.serf.testing.SerfTestAgent;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SerfEncryptionIT {
    @RegisterExtension
    final SerfTestCluster cluster = SerfTestCluster.create();

    @Test
    void formsAClusterSharingAnEncryptKey() {
        String key = SerfEncryptionKeys.generate();

        List<SerfTestAgent> agents = cluster.start(3, (index, config) -> config.withEncryptKey(key));

        assertThat(agents).allSatisfy(agent -> assertThat(agent.process().recentOutput())
                .anyMatch(line -> line.contains("Encrypted: true")));
    }

    @Test
    void formsAClusterFromKeyringFiles() {
        List<String> keys = List.of(SerfEncryptionKeys.generate(), SerfEncryptionKeys.generate());

        List<SerfTestAgent> agents = cluster.start(3,
                (index, config) -> config.withKeyringFile(cluster.keyringFile(config.nodeName(), keys)));

        assertThat(agents).allSatisfy(agent -> assertThat(agent.process().recentOutput())
                .anyMatch(line -> line.contains("Restored keyring with 2 keys")));
    }

    @Test
    void keyringAndEncryptKeyInteroperateWhenThePrimaryKeysMatch() {
        String primary = SerfEncryptionKeys.generate();

        cluster.start(2, (index, config) -> index == 0
                ? config.withKeyringFile(cluster.keyringFile(config.nodeName(), List.of(primary, SerfEncryptionKeys.generate())))
                : config.withEncryptKey(primary));
    }

    @Test
    void refusesAMemberWithAnotherKey() {
        SerfTestAgent seed = cluster.start(1, (index, config) -> config.withEncryptKey(SerfEncryptionKeys.generate())).getFirst();
        SerfAgentConfig stranger = cluster.newConfig("stranger")
                .withEncryptKey(SerfEncryptionKeys.generate())
                .withStartJoin(List.of(seed.bindAddress()));

        assertThatThrownBy(() -> cluster.launch(stranger).awaitReady(Duration.ofSeconds(30)))
                .isInstanceOf(SerfStartupException.class)
                .hasMessageContaining("exited with code 1");
        assertThat(cluster.cli().statusOf(seed.config(), "stranger")).isEmpty();
    }

    @Test
    void refusesAnUnencryptedMember() {
        SerfTestAgent seed = cluster.start(1, (index, config) -> config.withEncryptKey(SerfEncryptionKeys.generate())).getFirst();
        SerfAgentConfig plain = cluster.newConfig("plain").withStartJoin(List.of(seed.bindAddress()));

        assertThatThrownBy(() -> cluster.launch(plain).awaitReady(Duration.ofSeconds(30)))
                .isInstanceOf(SerfStartupException.class)
                .hasMessageContaining("exited with code 1");
    }
}
