package io.serfnode.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.ConnectionStatus.Phase;
import io.serfnode.console.testing.AgentProcessCluster;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.wire.SnapshotMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session against a cluster of real agents, each in a JVM of its own. */
class WebSocketClusterSessionIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final AgentProcessCluster cluster = AgentProcessCluster.threeMembers();

    private final WebSocketClusterSession session = new WebSocketClusterSession();
    private final RecordingSessionListener listener = new RecordingSessionListener();

    @AfterEach
    void closeSession() {
        session.close();
    }

    @Test
    void aFirstSnapshotShowsEveryMemberAliveWithItsRoles() {
        session.open(ConnectionSettings.to(cluster.wsUrl("db-1"), cluster.token()), listener);

        await().atMost(PATIENCE).until(() -> !listener.snapshots().isEmpty());
        SnapshotMessage snapshot = listener.snapshots().getFirst().snapshot();
        assertThat(snapshot.members()).filteredOn(m -> m.status() == MemberStatus.ALIVE).extracting(Member::name)
                .containsExactlyInAnyOrder("web-1", "db-1", "worker-1");
        assertThat(snapshot.members()).filteredOn(m -> m.name().equals("web-1")).singleElement()
                .satisfies(m -> assertThat(m.roles()).containsExactly("web", "cache"));
        assertThat(listener.snapshots().getFirst().welcome().agent()).isEqualTo("db-1");
        assertThat(listener.lastStatus().phase()).isEqualTo(Phase.CONNECTED);
        assertThat(listener.lastStatus().agent()).isEqualTo("db-1");
        assertThat(listener.error.get()).isNull();
    }

    @Test
    void aChildKilledOnAnotherMemberArrivesAsItsSupervisorStatesInOrder() {
        session.open(ConnectionSettings.to(cluster.wsUrl("web-1"), cluster.token()), listener);
        await().atMost(PATIENCE).until(() -> !listener.snapshots().isEmpty());
        int before = listener.sequenceOf("worker-1", "app").size();

        cluster.killChild("worker-1", "app");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(listener.sequenceOf("worker-1", "app"))
                .hasSizeGreaterThanOrEqualTo(before + 3));
        List<String> sequence = listener.sequenceOf("worker-1", "app");
        assertThat(sequence.subList(before, before + 3))
                .containsExactly("RUNNING>EXITED", "EXITED>STARTING", "STARTING>RUNNING");
    }

    @Test
    void aRestartCommandGetsItsSingleResult() {
        session.open(ConnectionSettings.to(cluster.wsUrl("web-1"), cluster.token()), listener);
        await().atMost(PATIENCE).until(() -> !listener.snapshots().isEmpty());
        RecordingCommandListener command = new RecordingCommandListener();

        session.send(new RestartChild("db-1", "app"), command);

        await().atMost(PATIENCE).until(command::ended);
        assertThat(command.error.get()).isNull();
        assertThat(command.handle.get()).isNotNull();
        assertThat(command.result.get().outcome()).isEqualTo(CommandOutcome.OK);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(listener.sequenceOf("db-1", "app"))
                .containsSubsequence("RUNNING>STOPPING", "STOPPING>STOPPED", "STOPPED>STARTING", "STARTING>RUNNING"));
    }

    @Test
    void aWrongTokenEndsTheSessionWithAPlainErrorAndNoRetries() {
        session.open(ConnectionSettings.to(cluster.wsUrl("worker-1"), "not-the-token"), listener);

        await().atMost(PATIENCE).until(() -> listener.error.get() != null);
        assertThat(listener.error.get()).isInstanceOf(SessionRefusedException.class)
                .hasMessageContaining("refused the token");
        assertThat(listener.statuses()).extracting(s -> s.phase())
                .doesNotContain(Phase.RECONNECTING, Phase.FAILING_OVER, Phase.CONNECTED)
                .endsWith(Phase.FAILED);
    }
}
