package io.serfnode.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import io.serfnode.agent.support.ComponentLog;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineEventsTest {
    private record Opened(String since, ResultCallback<Event> callback) {
    }

    private final BlockingQueue<Opened> opened = new LinkedBlockingQueue<>();
    private final List<ContainerEvent> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    private final EngineEvents events = new EngineEvents((since, callback) -> opened.add(new Opened(since, callback)),
            null, received::add, connections::incrementAndGet, executor, ComponentLog.of("m", "docker-test"),
            Duration.ofMillis(20), Duration.ofMillis(50));

    @AfterEach
    void stop() {
        events.close();
        executor.shutdownNow();
    }

    private static Event die(String id, long timeNano) {
        return new Event().withType(EventType.CONTAINER).withAction("die").withTimenano(timeNano)
                .withEventActor(new EventActor().withId(id).withAttributes(Map.of("exitCode", "3")));
    }

    private Opened nextOpen() throws InterruptedException {
        Opened next = opened.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("the stream was opened").isNotNull();
        return next;
    }

    @Test
    void deliversContainerEventsInOrderOnceOpen() throws Exception {
        events.sinceEngineTime(1_700_000_000_000_000_000L);
        events.start();
        Opened first = nextOpen();
        first.callback().onStart(() -> { });
        first.callback().onNext(die("c1", 1_700_000_001_000_000_000L));
        first.callback().onNext(die("c2", 1_700_000_002_000_000_000L));

        assertThat(first.since()).isEqualTo("1700000000.000000000");
        assertThat(events.awaitFirstConnect(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).extracting(ContainerEvent::containerId).containsExactly("c1", "c2");
        assertThat(received.getFirst().exitCode()).isEqualTo(3);
    }

    @Test
    void reopensAFailedStreamFromTheLastEventSeenAndReconcilesAgain() throws Exception {
        events.start();
        Opened first = nextOpen();
        first.callback().onStart(() -> { });
        first.callback().onNext(die("c1", 5_000_000_123L));
        first.callback().onError(new IOException("engine went away"));

        Opened second = nextOpen();
        second.callback().onStart(() -> { });

        assertThat(first.since()).isNull();
        assertThat(second.since()).isEqualTo("5.000000123");
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.get() == 2);
    }

    @Test
    void reopensAStreamTheEngineEnded() throws Exception {
        events.start();
        nextOpen().callback().onComplete();

        assertThat(nextOpen()).isNotNull();
    }

    @Test
    void retriesWhileTheEngineCannotBeReached() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        EngineEvents failing = new EngineEvents((since, callback) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("connection refused");
            }
            opened.add(new Opened(since, callback));
        }, null, received::add, connections::incrementAndGet, executor, ComponentLog.of("m", "docker-test"),
                Duration.ofMillis(10), Duration.ofMillis(20));
        try {
            failing.start();
            assertThat(nextOpen()).isNotNull();
            assertThat(attempts.get()).isEqualTo(3);
        } finally {
            failing.close();
        }
    }

    @Test
    void ignoresAStreamThatWasReplaced() throws Exception {
        events.start();
        Opened first = nextOpen();
        first.callback().onStart(() -> { });
        first.callback().onError(new IOException("broken"));
        Opened second = nextOpen();
        second.callback().onStart(() -> { });
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.get() == 2);

        first.callback().onNext(die("late", 9L));
        first.callback().onComplete();
        second.callback().onNext(die("current", 10L));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(received).extracting(ContainerEvent::containerId).containsExactly("current");
        assertThat(opened).isEmpty();
    }

    @Test
    void closingClosesTheOpenStreamAndStopsReopening() throws Exception {
        AtomicBoolean streamClosed = new AtomicBoolean();
        events.start();
        Opened first = nextOpen();
        first.callback().onStart(closeable(streamClosed));
        assertThat(events.awaitFirstConnect(Duration.ofSeconds(10))).isTrue();

        events.close();
        first.callback().onError(new IOException("closed under it"));

        assertThat(streamClosed).isTrue();
        assertThat(executor.getQueue()).isEmpty();
    }

    private static Closeable closeable(AtomicBoolean closed) {
        return () -> closed.set(true);
    }
}
