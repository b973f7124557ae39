package io.serfnode.agent.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.Payload;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WireCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static final WireCodec CODEC = new WireCodec();

    /** Sends nothing until told; the test plays the client that reads. */
    private static final class HeldTransport implements Outbox.Transport {
        final List<String> inFlight = new ArrayList<>();
        final List<Consumer<Throwable>> completions = new ArrayList<>();
        final List<ServerMessage> delivered = new ArrayList<>();

        @Override
        public synchronized void send(String text, Consumer<Throwable> whenSent) {
            inFlight.add(text);
            completions.add(whenSent);
        }

        /** Completes every send, including those the completions start, until nothing is in flight. */
        void readAll() throws Exception {
            while (true) {
                String text;
                Consumer<Throwable> completion;
                synchronized (this) {
                    if (inFlight.isEmpty()) {
                        return;
                    }
                    text = inFlight.remove(0);
                    completion = completions.remove(0);
                }
                delivered.add(CODEC.decodeServer(text));
                completion.accept(null);
            }
        }
    }

    private static final class RecordingOwner implements Outbox.Owner {
        int lagged;
        int noticesSent;
        int overflows;

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
        }
    }

    private final HeldTransport transport = new HeldTransport();
    private final RecordingOwner owner = new RecordingOwner();
    private final Outbox outbox = new Outbox(transport, owner, CODEC, Runnable::run, 4);

    private static SequencedEvent event(long seq) {
        return new SequencedEvent(seq, new UserEvent(Instant.EPOCH, "e", Payload.EMPTY, false, seq));
    }

    @Test
    void sendsOneMessageAtATimeInOrder() throws Exception {
        outbox.event(event(1));
        outbox.reply(ResultMessage.ok("c-1"));
        outbox.event(event(2));

        assertThat(transport.inFlight).hasSize(1);
        transport.readAll();

        assertThat(transport.delivered).containsExactly(EventMessage.of(event(1)), ResultMessage.ok("c-1"),
                EventMessage.of(event(2)));
    }

    @Test
    void dropsQueuedEventsButNoRepliesWhenTheClientFallsBehindAndSaysSo() throws Exception {
        outbox.event(event(1)); // in flight
        outbox.event(event(2));
        outbox.reply(ResultMessage.ok("c-1"));
        outbox.event(event(3));
        outbox.event(event(4));
        outbox.event(event(5)); // the queue holds 4: this one lags

        assertThat(owner.lagged).isEqualTo(1);
        outbox.event(event(6)); // ignored while lagging
        transport.readAll();

        assertThat(transport.delivered).containsExactly(EventMessage.of(event(1)), ResultMessage.ok("c-1"),
                new LaggedMessage(1, 4));
        assertThat(owner.noticesSent).isEqualTo(1);
    }

    @Test
    void holdsEventsBehindASnapshotUntilItIsFilled() throws Exception {
        Outbox.SnapshotSlot slot = outbox.reserveSnapshot();
        outbox.event(event(8));
        transport.readAll();
        assertThat(transport.delivered).isEmpty();

        SnapshotMessage snapshot = new SnapshotMessage(7, List.of(), Map.of(), List.of());
        outbox.fill(slot, snapshot);
        transport.readAll();

        assertThat(transport.delivered).containsExactly(snapshot, EventMessage.of(event(8)));
    }

    @Test
    void givesUpOnAClientThatLetsRepliesPileUp() {
        for (int i = 0; i <= 5; i++) {
            outbox.reply(ResultMessage.ok("c-" + i));
        }

        assertThat(owner.overflows).isEqualTo(1);
    }
}
