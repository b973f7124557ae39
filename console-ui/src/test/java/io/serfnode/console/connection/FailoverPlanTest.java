package io.serfnode.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.session.ReconnectPolicy;
import io.serfnode.model.wire.Peer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FailoverPlanTest {
    private static final URI WEB = URI.create("ws://127.0.0.11:7800/v1/cluster");
    private static final List<Peer> PEERS = List.of(new Peer("web-1", "127.0.0.11:7800"),
            new Peer("db-1", "127.0.0.12:7800"), new Peer("cache-1", "127.0.0.13:7800"));
    private static final ReconnectPolicy POLICY = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 2);

    @Test
    void retriesTheSameAgentThenFailsOverToTheOthersInTurn() {
        FailoverPlan plan = new FailoverPlan(WEB, POLICY);
        plan.connected(WEB, "web-1", PEERS);

        List<String> members = IntStream.range(0, 8).mapToObj(i -> plan.next(Set.of()).member()).toList();

        assertThat(members).containsExactly("web-1", "web-1", "db-1", "cache-1", "web-1", "web-1", "db-1", "cache-1");
    }

    @Test
    void triesMembersSeenDownLast() {
        FailoverPlan plan = new FailoverPlan(WEB, POLICY.withAttemptsBeforeFailover(1));
        plan.connected(WEB, "web-1", PEERS);

        List<String> members = IntStream.range(0, 3).mapToObj(i -> plan.next(Set.of("db-1")).member()).toList();

        assertThat(members).containsExactly("web-1", "cache-1", "db-1");
    }

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        FailoverPlan plan = new FailoverPlan(WEB, POLICY);

        List<Long> delays = IntStream.range(0, 6).mapToObj(i -> plan.next(Set.of()).delay().toMillis()).toList();

        assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    }

    @Test
    void failoverTargetsKeepTheSchemeAndPathOfTheGivenUrl() {
        FailoverPlan plan = new FailoverPlan(URI.create("wss://127.0.0.11:7800/v1/cluster"), POLICY.withAttemptsBeforeFailover(1));
        plan.connected(URI.create("wss://127.0.0.11:7800/v1/cluster"), "web-1", PEERS);
        plan.next(Set.of());

        FailoverPlan.Attempt failover = plan.next(Set.of());

        assertThat(failover.endpoint()).isEqualTo(URI.create("wss://127.0.0.12:7800/v1/cluster"));
        assertThat(failover.failover()).isTrue();
        assertThat(failover.number()).isEqualTo(2);
    }

    @Test
    void aConnectionStartsTheCountingAgain() {
        FailoverPlan plan = new FailoverPlan(WEB, POLICY);
        plan.next(Set.of());
        plan.next(Set.of());

        plan.connected(WEB, "web-1", PEERS);

        assertThat(plan.next(Set.of())).satisfies(attempt -> {
            assertThat(attempt.number()).isEqualTo(1);
            assertThat(attempt.delay()).isEqualTo(Duration.ofMillis(100));
        });
    }

    @Test
    void ignoresPeersWithAnUnusableAddress() {
        FailoverPlan plan = new FailoverPlan(WEB, POLICY.withAttemptsBeforeFailover(1));
        plan.connected(WEB, "web-1", List.of(new Peer("web-1", "127.0.0.11:7800"), new Peer("odd", "no-port")));

        assertThat(IntStream.range(0, 3).mapToObj(i -> plan.next(Set.of()).member()))
                .containsExactly("web-1", "web-1", "web-1");
    }
}
