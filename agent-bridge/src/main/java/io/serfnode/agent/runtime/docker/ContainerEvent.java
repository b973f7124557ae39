package io.serfnode.agent.runtime.docker;

import com.github.dockerjava.api.model.Event;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One container event from the engine.
 *
 * @param containerId the container's full id
 * @param action      what happened: {@code die}, {@code oom}, {@code destroy} …
 * @param attributes  the event's attributes (labels, {@code exitCode} for {@code die} …)
 * @param timeNano    when the engine saw it, in nanoseconds since the epoch (engine's clock)
 */
record ContainerEvent(String containerId, String action, Map<String, String> attributes, long timeNano) {

    ContainerEvent {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(action, "action");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The event, or null when it is not about a container. */
    static ContainerEvent from(Event event) {
        String id = event.getActor() != null && event.getActor().getId() != null
                ? event.getActor().getId() : event.getId();
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        if (id == null || action == null) {
            return null;
        }
        long nanos = event.getTimeNano() != null ? event.getTimeNano()
                : event.getTime() != null ? event.getTime() * 1_000_000_000L : 0L;
        Map<String, String> attributes = event.getActor() == null ? null : event.getActor().getAttributes();
        return new ContainerEvent(id, action, attributes, nanos);
    }

    Instant time() {
        return Instant.ofEpochSecond(0, timeNano);
    }

    /** The {@code exitCode} attribute of a {@code die} event, or null. */
    Integer exitCode() {
        String code = attributes.get("exitCode");
        if (code == null) {
            return null;
        }
        try {
            return Integer.valueOf(code.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
