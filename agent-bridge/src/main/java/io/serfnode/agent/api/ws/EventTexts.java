package io.serfnode.agent.api.ws;

import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.WireCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code event} message of recent events, made once per event for every client of a server, as JSON text
 * and as the WebSocket frame that carries it: with many clients, encoding and framing each event for each of
 * them was the largest cost of fanning it out.
 */
final class EventTexts {

    /** One event's message, as text and as a ready-made text frame. */
    record Encoded(String text, byte[] frame) {
    }

    private final WireCodec codec;
    private final Map<Long, Encoded> recent;

    EventTexts(WireCodec codec, int capacity) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Encoded> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The {@code event} message for {@code event}, encoded by the first client that needs it. */
    Encoded encoded(SequencedEvent event) {
        synchronized (recent) {
            Encoded known = recent.get(event.seq());
            if (known != null) {
                return known;
            }
        }
        // encoded outside the lock: two clients racing for the same event both encode, which is harmless
        String text = codec.encode(EventMessage.of(event));
        Encoded encoded = new Encoded(text, TextFrames.of(text));
        synchronized (recent) {
            Encoded first = recent.putIfAbsent(event.seq(), encoded);
            return first == null ? encoded : first;
        }
    }

    String text(SequencedEvent event) {
        return encoded(event).text();
    }
}
