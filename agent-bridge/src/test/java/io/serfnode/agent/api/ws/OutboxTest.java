package io.serfnode.agent.api.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.model.Payload;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static final WireCodec CODEC = new WireCodec();

    /** Writes a frame only while the test lets it, as a client that reads or stops reading. */
    private static final class GatedTransport implements Outbox.Transport {
        final List<ServerMessage> delivered = new CopyOnWriteArrayList<>();
        final List<String> waiting = new CopyOnWriteArrayList<>();
        private final Semaphore reads = new Semaphore(0);
        private final AtomicInteger flushes = new AtomicInteger();
        volatile IOException failure;

        @Override
        public void send(String text) throws IOException {
            if (failure != null) {
                throw failure;
            }
            waiting.add(text);
            reads.acquireUninterruptibly();
            waiting.remove(text);
            delivered.add(decode(text));
        }

        private static ServerMessage decode(String text) {
            try {
                return CODEC.decodeServer(text);
            } catch (WireFormatException malformed) {
                throw new AssertionError("the outbox wrote a malformed message: " + text, malformed);
            }
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }

        void readForever() {
            reads.release(Integer.MAX_VALUE / 2);
        }

        boolean isWriting(ServerMessage message) {
            return waiting.contains(CODEC.encode(message));
        }
    }

    private static final class RecordingOwner implements Outbox.Owner {
        volatile int lagged;
        volatile int noticesSent;
        volatile int overflows;
        volatile Throwable sendFailure;

        @Override
        public void onLagged() {
            lagged++;
        }

        @Override
        public void onLagNoticeSent() {
            noticesSent++;
        }

        @Override
        public void onRepliesOverflow() {
            overflows++;
        }

        @Override
        public void onSendFailed(Throwable failure) {
            sendFailure = failure;
        }
    }

    private final GatedTransport transport = new GatedTransport();
    private final RecordingOwner owner = new RecordingOwner();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Outbox outbox = new Outbox(transport, owner, CODEC, senders, 4);

    @AfterEach
    void stopSenders() {
        outbox.close();
        transport.readForever();
        senders.shutdownNow();
    }

    private static SequencedEvent event(long seq) {
        return new SequencedEvent(seq, new UserEvent(Instant.EPOCH, "e", Payload.EMPTY, false, seq));
    }

    @Test
    void sendsEverythingInTheOrderItWasQueued() {
        transport.readForever();
        outbox.event(event(1));
        outbox.reply(ResultMessage.ok("c-1"));
        outbox.event(event(2));

        await().untilAsserted(() -> assertThat(transport.delivered).containsExactly(EventMessage.of(event(1)),
                ResultMessage.ok("c-1"), EventMessage.of(event(2))));
        assertThat(transport.flushes.get()).isPositive();
    }

    @Test
    void dropsQueuedEventsButNoRepliesWhenTheClientFallsBehindAndSaysSo() {
        outbox.event(event(1));
        await().until(() -> transport.isWriting(EventMessage.of(event(1))));
        outbox.event(event(2));
        outbox.reply(ResultMessage.ok("c-1"));
        outbox.event(event(3));
        outbox.event(event(4));
        outbox.event(event(5)); // the queue holds 4: this one lags

        assertThat(owner.lagged).isEqualTo(1);
        outbox.event(event(6)); // ignored while lagging
        transport.readForever();

        await().untilAsserted(() -> assertThat(transport.delivered).containsExactly(EventMessage.of(event(1)),
                ResultMessage.ok("c-1"), new LaggedMessage(1, 4)));
        await().until(() -> owner.noticesSent == 1);
    }

    /** A limit of 4 messages, 16 at most, and a grace of 1 s on the clock {@code now} (nanoseconds). */
    private Outbox patientOutbox(AtomicLong now) {
        return new Outbox(transport, owner, CODEC, new EventTexts(CODEC, 4), senders, 4, 16, Duration.ofSeconds(1),
                now::get);
    }

    @Test
    void aClientBehindForLessThanTheGraceKeepsEveryEvent() {
        AtomicLong now = new AtomicLong();
        Outbox patient = patientOutbox(now);
        try {
            patient.event(event(1));
            await().until(() -> transport.isWriting(EventMessage.of(event(1))));
            for (long seq = 2; seq <= 10; seq++) {
                now.addAndGet(100_000_000); // 0.9 s in all: past the limit of 4, but not for long
                patient.event(event(seq));
            }
            assertThat(owner.lagged).isZero();

            transport.readForever();
            await().untilAsserted(() -> assertThat(transport.delivered).extracting(m -> ((EventMessage) m).seq())
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
        } finally {
            patient.close();
        }
    }

    @Test
    void aClientBehindForLongerThanTheGraceLags() {
        AtomicLong now = new AtomicLong();
        Outbox patient = patientOutbox(now);
        try {
            patient.event(event(1));
            await().until(() -> transport.isWriting(EventMessage.of(event(1))));
            for (long seq = 2; seq <= 5; seq++) {
                patient.event(event(seq)); // queued at 0: the oldest waiting
            }
            now.set(1_000_000_001);
            patient.event(event(6));

            assertThat(owner.lagged).isEqualTo(1);
            transport.readForever();
            await().untilAsserted(() -> assertThat(transport.delivered).containsExactly(EventMessage.of(event(1)),
                    new LaggedMessage(1, 4)));
        } finally {
            patient.close();
        }
    }

    @Test
    void aClientBehindByTheHardLimitLagsHoweverRecentItsEvents() {
        Outbox patient = new Outbox(transport, owner, CODEC, new EventTexts(CODEC, 4), senders, 4, 8,
                Duration.ofHours(1), () -> 0L);
        try {
            patient.event(event(1));
            await().until(() -> transport.isWriting(EventMessage.of(event(1))));
            for (long seq = 2; seq <= 9; seq++) {
                patient.event(event(seq));
            }
            assertThat(owner.lagged).isZero();

            patient.event(event(10)); // the ninth waiting, the hard limit is 8

            assertThat(owner.lagged).isEqualTo(1);
        } finally {
            patient.close();
        }
    }

    @Test
    void holdsEventsBehindASnapshotUntilItIsFilled() {
        transport.readForever();
        Outbox.SnapshotSlot slot = outbox.reserveSnapshot();
        outbox.event(event(8));
        outbox.reply(ResultMessage.ok("c-1"));
        assertThat(outbox.size()).isEqualTo(3);

        SnapshotMessage snapshot = new SnapshotMessage(7, List.of(), Map.of(), List.of());
        outbox.fill(slot, snapshot);

        await().untilAsserted(() -> assertThat(transport.delivered).containsExactly(snapshot,
                EventMessage.of(event(8)), ResultMessage.ok("c-1")));
    }

    @Test
    void givesUpOnAClientThatLetsRepliesPileUp() {
        outbox.reply(ResultMessage.ok("c-0"));
        await().until(() -> transport.isWriting(ResultMessage.ok("c-0")));
        for (int i = 1; i <= 5; i++) {
            outbox.reply(ResultMessage.ok("c-" + i));
        }

        assertThat(owner.overflows).isEqualTo(1);
    }

    @Test
    void tellsTheOwnerOnceWhenTheConnectionFailsAndSendsNothingMore() {
        transport.failure = new IOException("connection reset");
        outbox.event(event(1));

        await().until(() -> owner.sendFailure != null);
        assertThat(owner.sendFailure).hasMessage("connection reset");
        outbox.event(event(2));
        outbox.reply(ResultMessage.ok("c-1"));
        assertThat(outbox.size()).isZero();
    }

    @Test
    void keepsOneSenderForAllOfAClientsMessages() {
        CountingExecutor counting = new CountingExecutor(senders);
        Outbox counted = new Outbox(transport, owner, CODEC, counting, 1024);
        transport.readForever();
        for (long seq = 1; seq <= 500; seq++) {
            counted.event(event(seq));
        }

        await().until(() -> transport.delivered.size() == 500);
        assertThat(counting.started.get()).isEqualTo(1);
        counted.close();
    }

    private static final class CountingExecutor implements Executor {
        final AtomicInteger started = new AtomicInteger();
        private final Executor delegate;

        CountingExecutor(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable command) {
            started.incrementAndGet();
            delegate.execute(command);
        }
    }
}
