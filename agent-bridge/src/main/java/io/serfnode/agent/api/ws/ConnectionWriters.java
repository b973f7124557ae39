package io.serfnode.agent.api.ws;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each connection's {@link GatheringWriter} from the upgrade, which makes it, to the endpoint's
 * {@code onOpen}, which gets only a Tyrus session; keyed by the client's {@code host:port}, unique while the
 * connection is being opened.
 */
final class ConnectionWriters {
    private final Map<String, GatheringWriter> opening = new ConcurrentHashMap<>();

    void offer(String remoteAddress, GatheringWriter writer) {
        opening.put(remoteAddress, writer);
    }

    /** The writer of the connection from {@code remoteAddress}, if it is being opened. */
    Optional<GatheringWriter> take(String remoteAddress) {
        return Optional.ofNullable(opening.remove(remoteAddress));
    }

    void forget(String remoteAddress) {
        opening.remove(remoteAddress);
    }
}
