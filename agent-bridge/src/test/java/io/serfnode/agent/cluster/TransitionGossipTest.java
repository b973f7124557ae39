package io.serfnode.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.serf.rpc.SerfCommandException;
import io.serfnode.agent.serf.rpc.SerfConnectionLostException;
import io.serfnode.agent.serf.rpc.SerfRpc;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransitionGossipTest {
    private static final TransitionCodec CODEC = TransitionCodec.withDefaultLimits();

    /** Serf's {@code event} command only: records the counters it took, or fails as told. */
    private static final class SerfEvents {
        final List<Long> taken = new CopyOnWriteArrayList<>();
        volatile boolean down;
        volatile LongPredicate refuses = counter -> false;

        SerfRpc rpc() {
            return (SerfRpc) Proxy.newProxyInstance(SerfRpc.class.getClassLoader(), new Class<?>[] {SerfRpc.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("event")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        long counter = CODEC.decode((byte[]) args[1]).counter();
                        if (down) {
                            throw new SerfConnectionLostException("the agent closed the connection", null);
                        }
                        if (refuses.test(counter)) {
                            throw new SerfCommandException("event", "user event exceeds limit", null);
                        }
                        taken.add(counter);
                        return null;
                    });
        }
    }

    private final SerfEvents serf = new SerfEvents();
    /** Repeats the last transition only after an hour of quiet: never within these tests but the one below. */
    private final TransitionGossip gossip = new TransitionGossip("a", serf::rpc, CODEC, child -> Optional.empty(),
            Duration.ofHours(1));

    @AfterEach
    void close() {
        gossip.close();
    }

    @Test
    void sendsTheLastTransitionOfABurstOnceMoreWhenNoneFollows() {
        try (TransitionGossip repeating = new TransitionGossip("a", serf::rpc, CODEC, child -> Optional.empty(),
                Duration.ofMillis(200))) {
            repeating.onNext(Transitions.running("a", "web", 1));
            repeating.onNext(Transitions.running("a", "web", 2));
            repeating.onNext(Transitions.running("a", "web", 3));

            await().atMost(Duration.ofSeconds(10)).until(() -> serf.taken.size() == 4);
            assertThat(serf.taken).containsExactly(1L, 2L, 3L, 3L);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                    .until(() -> serf.taken.size() == 4);

            repeating.onNext(Transitions.running("a", "web", 4));
            await().atMost(Duration.ofSeconds(10)).until(() -> serf.taken.size() == 6);
            assertThat(serf.taken).endsWith(4L, 4L);
        }
    }

    @Test
    void keepsTransitionsSerfDidNotTakeAndSendsThemInOrderOnceItAnswersAgain() {
        gossip.onNext(Transitions.running("a", "web", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> serf.taken.size() == 1);
        serf.down = true;

        gossip.onNext(Transitions.running("a", "web", 2));
        gossip.onNext(Transitions.running("a", "db", 3));
        gossip.onNext(Transitions.running("a", "web", 4));
        serf.down = false;

        await().atMost(Duration.ofSeconds(10)).until(() -> serf.taken.size() == 4);
        assertThat(serf.taken).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void sendsTheLatestTransitionsAgainWhenSerfReconnects() {
        gossip.onNext(Transitions.running("a", "web", 1));
        gossip.onNext(Transitions.running("a", "web", 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> serf.taken.size() == 2);

        gossip.serfReconnected();
        gossip.onNext(Transitions.running("a", "web", 3));

        await().atMost(Duration.ofSeconds(10)).until(() -> serf.taken.size() == 5);
        assertThat(serf.taken).containsExactly(1L, 2L, 1L, 2L, 3L);
    }

    @Test
    void dropsATransitionSerfRefusesAndGoesOnWithTheNext() {
        serf.refuses = counter -> counter == 1;

        gossip.onNext(Transitions.running("a", "web", 1));
        gossip.onNext(Transitions.running("a", "web", 2));

        await().atMost(Duration.ofSeconds(10)).until(() -> serf.taken.size() == 1);
        assertThat(serf.taken).containsExactly(2L);
    }
}
