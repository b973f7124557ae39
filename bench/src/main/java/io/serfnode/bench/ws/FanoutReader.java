package io.serfnode.bench.ws;

import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WelcomeMessage;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * One client's view of the fan-out stream: checks every emitted event arrives exactly once and in order,
 * and keeps its delay from emission to receipt. Called by one socket's listener, one message at a time.
 */
final class FanoutReader implements TimedClient.Receiver {
    private static final JsonFactory JSON = new JsonFactory();
    private final long totalEvents;
    private final long warmupEvents;
    private final long[] delays;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private int measured;
    private long nextPayloadSeq;
    private long lastStreamSeq = -1;
    private long received;
    private int lagged;
    private long outOfOrder;
    private volatile String failure;

    FanoutReader(long totalEvents, long warmupEvents) {
        this.totalEvents = totalEvents;
        this.warmupEvents = warmupEvents;
        this.delays = new long[Math.toIntExact(totalEvents - warmupEvents)];
    }

    @Override
    public void onMessage(ServerMessage message, long receivedNanos) {
        switch (message) {
            case WelcomeMessage welcome -> { }
            case SnapshotMessage snapshot -> {
                lastStreamSeq = snapshot.seq();
                subscribed.countDown();
            }
            case LaggedMessage lag -> lagged++;
            case EventMessage event when event.event() instanceof UserEvent user -> accept(event.seq(), user,
                    receivedNanos);
            default -> fail("unexpected message " + message.getClass().getSimpleName());
        }
    }

    /**
     * Reads the bench's own user events with Jackson's streaming parser, without building the message's
     * model, so that 20 clients reading 5,000 events a second cost the machine less; every other message is
     * decoded in full.
     */
    @Override
    public boolean onText(String text, long receivedNanos) {
        try (JsonParser parser = JSON.createParser(text)) {
            String type = null;
            String kind = null;
            String payload = null;
            long seq = -1;
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "type" -> type = parser.getText();
                    case "seq" -> seq = parser.getLongValue();
                    case "event" -> {
                        if (value != JsonToken.START_OBJECT) {
                            return false;
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String eventField = parser.currentName();
                            JsonToken eventValue = parser.nextToken();
                            if (eventField.equals("kind")) {
                                kind = parser.getText();
                            } else if (eventField.equals("payload") && eventValue == JsonToken.VALUE_STRING) {
                                payload = parser.getText();
                            } else {
                                parser.skipChildren();
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (!"event".equals(type) || !"user-event".equals(kind) || payload == null || seq < 0) {
                return false;
            }
            accept(seq, payload, receivedNanos);
            return true;
        } catch (IOException | RuntimeException notOurs) {
            return false;
        }
    }

    private void accept(long streamSeq, UserEvent user, long receivedNanos) {
        accept(streamSeq, new String(user.payload().bytes(), StandardCharsets.US_ASCII), receivedNanos);
    }

    private void accept(long streamSeq, String payloadText, long receivedNanos) {
        String[] parts = payloadText.split(" ", 2);
        long payloadSeq = Long.parseLong(parts[0]);
        long emitted = Long.parseLong(parts[1]);
        if (payloadSeq != nextPayloadSeq || streamSeq != lastStreamSeq + 1) {
            outOfOrder++;
        }
        nextPayloadSeq = payloadSeq + 1;
        lastStreamSeq = streamSeq;
        received++;
        if (payloadSeq >= warmupEvents && measured < delays.length) {
            delays[measured++] = receivedNanos - emitted;
        }
        if (payloadSeq == totalEvents - 1) {
            finished.countDown();
        }
    }

    @Override
    public void onError(Throwable error) {
        fail(error.toString());
    }

    private void fail(String reason) {
        failure = reason;
        subscribed.countDown();
        finished.countDown();
    }

    CountDownLatch subscribed() {
        return subscribed;
    }

    CountDownLatch finished() {
        return finished;
    }

    /** Read after {@link #finished()} opened, or after giving up on it. */
    Result result() {
        return new Result(received, lagged, outOfOrder, failure, delays, measured);
    }

    record Result(long received, int lagged, long outOfOrder, String failure, long[] delays, int measured) {
    }
}
