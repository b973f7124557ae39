package io.serfnode.console.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.testing.AgentProcessCluster.ChildSpec;
import io.serfnode.console.testing.AgentProcessCluster.MemberSpec;
import io.serfnode.model.Member;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fixture other console tests rely on: it starts a whole cluster and leaves no process behind. */
class AgentProcessClusterIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void startsAWholeClusterAndEndsEveryProcessItStartedIncludingOrphanedChildren() {
        AgentProcessCluster cluster = AgentProcessCluster.of(MemberSpec.of("alpha", "web", ChildSpec.sleeper("app")),
                MemberSpec.of("bravo", "db"));
        long childPid;
        long alphaPid;
        long bravoPid;
        try (cluster) {
            cluster.start();
            assertThat(cluster.names()).containsExactly("alpha", "bravo");
            assertThat(cluster.snapshotFrom("bravo").members()).extracting(Member::name).contains("alpha", "bravo");
            childPid = cluster.childPid("alpha", "app").orElseThrow();
            alphaPid = cluster.agent("alpha").process().pid();
            bravoPid = cluster.agent("bravo").process().pid();

            cluster.kill("alpha");

            assertThat(cluster.isRunning("alpha")).isFalse();
            assertThat(alive(childPid)).isTrue(); // a crashed agent leaves its child running, as in production
        }
        await().atMost(PATIENCE).until(() -> !alive(childPid) && !alive(alphaPid) && !alive(bravoPid));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
