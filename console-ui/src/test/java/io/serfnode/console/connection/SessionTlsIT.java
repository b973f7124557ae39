package io.serfnode.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.ConnectionStatus.Phase;
import io.serfnode.console.session.TrustSettings;
import io.serfnode.console.testing.AgentProcessCluster;
import io.serfnode.console.testing.AgentProcessCluster.ChildSpec;
import io.serfnode.console.testing.AgentProcessCluster.MemberSpec;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code wss://} agents with a self-signed certificate, trusted by PEM or on first use. */
class SessionTlsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final AgentProcessCluster cluster = AgentProcessCluster.of(
            MemberSpec.of("web-1", "web", ChildSpec.sleeper("app")), MemberSpec.of("db-1", "db")).withTls();

    @TempDir
    Path dir;

    private final WebSocketClusterSession session = new WebSocketClusterSession();
    private final RecordingSessionListener listener = new RecordingSessionListener();

    @AfterEach
    void closeSession() {
        session.close();
    }

    @Test
    void connectsTrustingExactlyThePemCertificateAndShowsItsFingerprint() throws Exception {
        URI agent = cluster.wsUrl("web-1");
        assertThat(agent.getScheme()).isEqualTo("wss");

        session.open(settings(agent).withTrust(new TrustSettings.PemTrust(cluster.certificatePem())), listener);

        await().atMost(PATIENCE).until(() -> !listener.snapshots().isEmpty());
        ConnectionStatus connected = listener.lastStatus();
        assertThat(connected.phase()).isEqualTo(Phase.CONNECTED);
        assertThat(connected.fingerprint()).isEqualTo(certificateFingerprint());
    }

    @Test
    void trustsOnFirstUseAndRemembersTheFingerprint() throws Exception {
        Path known = dir.resolve("known-agents");

        session.open(settings(cluster.wsUrl("db-1")).withTrust(new TrustSettings.TrustOnFirstUse(known)), listener);

        await().atMost(PATIENCE).until(() -> !listener.snapshots().isEmpty());
        String hostPort = cluster.agent("db-1").wsAddress();
        assertThat(new KnownAgents(known).fingerprintOf(hostPort)).contains(certificateFingerprint());
        assertThat(listener.lastStatus().fingerprint()).isEqualTo(certificateFingerprint());
    }

    @Test
    void refusesAnAgentWhoseCertificateChangedShowingBothFingerprints() throws Exception {
        Path known = dir.resolve("known-agents");
        String remembered = "AA:" + "00:".repeat(30) + "BB";
        new KnownAgents(known).remember(cluster.agent("web-1").wsAddress(), remembered);

        session.open(settings(cluster.wsUrl("web-1")).withTrust(new TrustSettings.TrustOnFirstUse(known)), listener);

        await().atMost(PATIENCE).until(() -> listener.error.get() != null);
        assertThat(listener.error.get()).isInstanceOf(SessionRefusedException.class)
                .hasMessageContaining(remembered).hasMessageContaining(certificateFingerprint())
                .hasMessageContaining(known.toString());
        assertThat(listener.statuses()).extracting(ConnectionStatus::phase).doesNotContain(Phase.CONNECTED)
                .endsWith(Phase.FAILED);
    }

    @Test
    void refusesASelfSignedAgentUnderTheSystemTrustStore() {
        session.open(settings(cluster.wsUrl("web-1")), listener);

        await().atMost(PATIENCE).until(() -> listener.error.get() != null);
        assertThat(listener.error.get()).isInstanceOf(SessionRefusedException.class)
                .hasMessageContaining("is not trusted by the system's trust store");
    }

    private static ConnectionSettings settings(URI agent) {
        return ConnectionSettings.to(agent, cluster.token());
    }

    private static String certificateFingerprint() throws Exception {
        try (InputStream in = Files.newInputStream(cluster.certificatePem())) {
            return Fingerprints.sha256((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }
}
