package io.serfnode.agent.api.ws;

import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.WireCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON text of recent events, made once per event for every client of a server: with many clients,
 * encoding each event for each of them was the largest cost of fanning it out.
 */
final class EventTexts {
    private final WireCodec codec;
    private final Map<Long, String> recent;

    EventTexts(WireCodec codec, int capacity) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The {@code event} message for {@code event}, encoded by the first client that needs it. */
    String text(SequencedEvent event) {
        synchronized (recent) {
            String known = recent.get(event.seq());
            if (known != null) {
                return known;
            }
        }
        // encoded outside the lock: two clients racing for the same event both encode, which is harmless
        String text = codec.encode(EventMessage.of(event));
        synchronized (recent) {
            recent.putIfAbsent(event.seq(), text);
        }
        return text;
    }
}
