package io.serfnode.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.settings.RecentClusters;
import io.serfnode.console.viewmodel.RecentCluster;
import io.serfnode.console.viewmodel.TrustChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberedClustersTest {
    @TempDir
    Path dir;

    private RememberedClusters store(Instant now) {
        return new RememberedClusters(new RecentClusters(dir), dir.resolve("known-agents"),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void remembersTheFormBetweenRunsInAnOwnerOnlyFile() throws Exception {
        RecentCluster typed = new RecentCluster("ws://127.0.0.2:7070/v1/cluster", "secret", "", TrustChoice.SYSTEM, "");
        RecentCluster pem = new RecentCluster("wss://127.0.0.3:7443/v1/cluster", "", "/etc/serfnode/token",
                TrustChoice.PEM, "/etc/serfnode/agents.pem");
        RecentCluster tofu = new RecentCluster("wss://127.0.0.4:7443/v1/cluster", "", "/tmp/token",
                TrustChoice.TRUST_ON_FIRST_USE, "");

        store(Instant.parse("2025-01-01T10:00:00Z")).remember(typed);
        store(Instant.parse("2025-01-01T11:00:00Z")).remember(pem);
        store(Instant.parse("2025-01-01T12:00:00Z")).remember(tofu);

        assertThat(store(Instant.now()).load()).containsExactly(tofu, pem, typed);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(RecentClusters.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void aDamagedFileOffersNoRecentClustersAndIsReplacedOnTheNextConnect() throws Exception {
        Files.writeString(dir.resolve(RecentClusters.FILE_NAME), "cluster.0.agent=ws://x\ncluster.0.trust=carrier-pigeon\n");
        RememberedClusters store = store(Instant.parse("2025-01-01T10:00:00Z"));

        assertThat(store.load()).isEmpty();
    }
}
