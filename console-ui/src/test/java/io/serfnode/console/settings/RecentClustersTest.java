package io.serfnode.console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.console.session.TrustSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentClustersTest {
    private static final URI WEB = URI.create("ws://127.0.0.11:7800/v1/cluster");
    private static final URI DB = URI.create("wss://127.0.0.12:7800/v1/cluster");
    private static final Instant T0 = Instant.parse("2025-01-31T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void remembersClustersWithTheirSecretAndTrustMostRecentFirst() {
        RecentClusters store = new RecentClusters(dir.resolve("serfnode"));
        RecentCluster web = RecentCluster.withToken(WEB, "s3cret", T0);
        RecentCluster db = RecentCluster.withTokenFile(DB, Path.of("/etc/serfnode/token"), T0.plusSeconds(60))
                .withTrust(new TrustSettings.TrustOnFirstUse(Path.of("/home/op/.config/serfnode/known-agents")));

        store.remember(web);
        store.remember(db);

        assertThat(new RecentClusters(dir.resolve("serfnode")).list()).containsExactly(db, web);
    }

    @Test
    void keepsTheFileReadableByItsOwnerOnlyBecauseItHoldsTokens() throws Exception {
        RecentClusters store = new RecentClusters(dir);

        store.remember(RecentCluster.withToken(WEB, "s3cret", T0));
        store.remember(RecentCluster.withToken(DB, "other", T0));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(store.file()); // no temporary file left behind
        }
    }

    @Test
    void connectingAgainMovesAClusterToTheFrontWithoutADuplicate() {
        RecentClusters store = new RecentClusters(dir);
        store.remember(RecentCluster.withToken(WEB, "s3cret", T0));
        store.remember(RecentCluster.withToken(DB, "other", T0.plusSeconds(1)));

        store.remember(RecentCluster.withToken(WEB, "rotated", T0.plusSeconds(2)));

        assertThat(store.list()).extracting(RecentCluster::agent).containsExactly(WEB, DB);
        assertThat(store.list().getFirst().token()).isEqualTo("rotated");
    }

    @Test
    void keepsOnlyTheMostRecentUpToTheLimit() {
        RecentClusters store = new RecentClusters(dir, 2);
        for (int i = 0; i < 4; i++) {
            store.remember(RecentCluster.withToken(URI.create("ws://127.0.0." + (10 + i) + ":7800/v1/cluster"), "t",
                    T0.plusSeconds(i)));
        }

        assertThat(store.list()).extracting(c -> c.agent().getHost()).containsExactly("127.0.0.13", "127.0.0.12");
    }

    @Test
    void forgetsAClusterAndItsSecret() throws Exception {
        RecentClusters store = new RecentClusters(dir);
        store.remember(RecentCluster.withToken(WEB, "s3cret", T0));
        store.remember(RecentCluster.withToken(DB, "other", T0));

        store.forget(WEB);

        assertThat(store.list()).extracting(RecentCluster::agent).containsExactly(DB);
        assertThat(Files.readString(store.file())).doesNotContain("s3cret");
    }

    @Test
    void isEmptyBeforeAnythingWasRemembered() {
        assertThat(new RecentClusters(dir.resolve("nowhere")).list()).isEmpty();
    }

    @Test
    void aDamagedFileIsReportedWithTheKeyAtFault() throws Exception {
        RecentClusters store = new RecentClusters(dir);
        Files.writeString(store.file(), "cluster.0.agent=ws://127.0.0.1:7800/v1/cluster\ncluster.0.trust=pinned\n");

        assertThatThrownBy(store::list).hasMessageContaining("cluster.0.trust")
                .hasMessageContaining("system, pem, tofu").hasMessageContaining("'pinned'");
    }

    @Test
    void neverPrintsTheToken() {
        assertThat(RecentCluster.withToken(WEB, "s3cret", T0).toString()).doesNotContain("s3cret");
    }
}
