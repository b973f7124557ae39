package io.serfnode.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.ConnectionStatus.Phase;
import io.serfnode.console.testing.AgentProcessCluster;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.SupervisorStateChanged;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connected agent crashes: the session fails over and the stream stays exactly once. */
class SessionFailoverIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final AgentProcessCluster cluster = AgentProcessCluster.threeMembers();

    private final WebSocketClusterSession session = new WebSocketClusterSession();
    private final RecordingSessionListener listener = new RecordingSessionListener();

    @AfterEach
    void closeSession() {
        session.close();
    }

    @Test
    void failsOverWhenTheConnectedAgentIsKilledAndDeliversEveryTransitionOnce() {
        session.open(ConnectionSettings.to(cluster.wsUrl("web-1"), cluster.token()), listener);
        await().atMost(PATIENCE).until(() -> !listener.snapshots().isEmpty());
        cluster.killChild("db-1", "app"); // transitions before the crash, delivered live

        await().atMost(PATIENCE).until(() -> listener.sequenceOf("db-1", "app").contains("STARTING>RUNNING")
                && listener.sequenceOf("db-1", "app").size() >= 5);
        cluster.kill("web-1");
        cluster.killChild("worker-1", "app"); // transitions while the console has no agent
        cluster.killChild("db-1", "app");

        await().atMost(PATIENCE).until(() -> listener.statuses().stream()
                .anyMatch(status -> status.phase() == Phase.FAILING_OVER));
        await().atMost(PATIENCE).until(() -> {
            ConnectionStatus last = listener.lastStatus();
            return last.phase() == Phase.CONNECTED && !"web-1".equals(last.agent());
        });
        assertThat(listener.statuses()).extracting(ConnectionStatus::detail)
                .anySatisfy(detail -> assertThat(detail).startsWith("reconnecting to web-1 (attempt 1)"))
                .anySatisfy(detail -> assertThat(detail).matches("failing over via (db-1|worker-1) \\(attempt \\d+\\) …"));

        // every transition of the surviving members, exactly once and in counter order, up to their latest
        for (String member : List.of("db-1", "worker-1")) {
            long latest = latestCounter(member);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(countersOf(member))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, latest).boxed().toList()));
        }
        assertThat(listener.sequenceOf("worker-1", "app"))
                .containsSubsequence("RUNNING>EXITED", "EXITED>STARTING", "STARTING>RUNNING");
        assertThat(listener.error.get()).isNull();
    }

    private List<Long> countersOf(String member) {
        return listener.transitions().stream().filter(t -> t.member().equals(member))
                .map(SupervisorStateChanged::counter).toList();
    }

    /** The member's own latest transition counter, once its child runs again. */
    private long latestCounter(String member) {
        long[] latest = new long[1];
        await().atMost(PATIENCE).until(() -> {
            Map<String, SupervisedChild> children = cluster.snapshotFrom(member).children()
                    .getOrDefault(member, List.of()).stream()
                    .collect(Collectors.toMap(child -> child.child().name(), child -> child));
            SupervisedChild app = children.get("app");
            if (app == null || app.status().state() != io.serfnode.model.SupervisorState.RUNNING) {
                return false;
            }
            latest[0] = app.status().counter();
            return true;
        });
        return latest[0];
    }
}
