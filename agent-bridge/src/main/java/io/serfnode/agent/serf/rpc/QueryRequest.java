package io.serfnode.agent.serf.rpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A query to broadcast.
 *
 * @param payload     sent byte for byte; {@code null} sends msgpack nil
 * @param filterNodes only these nodes answer (empty: no node filter)
 * @param filterTags  only nodes whose tag matches the regular expression answer (anchored by Serf)
 * @param requestAck  nodes acknowledge receipt with an {@link QueryRecord.Ack}
 * @param relayFactor how many other nodes also relay each response, 0..255
 * @param timeout     how long responses are collected; {@link Duration#ZERO} lets Serf pick its
 *                    default (it scales with the cluster size)
 */
public record QueryRequest(
        String name,
        byte[] payload,
        List<String> filterNodes,
        Map<String, String> filterTags,
        boolean requestAck,
        int relayFactor,
        Duration timeout) {

    public QueryRequest {
        Objects.requireNonNull(name, "name");
        filterNodes = filterNodes == null ? List.of() : List.copyOf(filterNodes);
        filterTags = filterTags == null ? Map.of() : Map.copyOf(filterTags);
        timeout = Objects.requireNonNullElse(timeout, Duration.ZERO);
        if (relayFactor < 0 || relayFactor > 255) {
            throw new IllegalArgumentException("query '" + name + "': relayFactor must be 0..255, was " + relayFactor);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("query '" + name + "': timeout must not be negative, was " + timeout);
        }
    }

    /** A query to every node with Serf's default timeout, no ack, no relay. */
    public static QueryRequest of(String name, byte[] payload) {
        return new QueryRequest(name, payload, List.of(), Map.of(), false, 0, Duration.ZERO);
    }

    public QueryRequest withPayload(byte[] payload) {
        return new QueryRequest(name, payload, filterNodes, filterTags, requestAck, relayFactor, timeout);
    }

    public QueryRequest withFilterNodes(List<String> filterNodes) {
        return new QueryRequest(name, payload, filterNodes, filterTags, requestAck, relayFactor, timeout);
    }

    public QueryRequest withFilterTags(Map<String, String> filterTags) {
        return new QueryRequest(name, payload, filterNodes, filterTags, requestAck, relayFactor, timeout);
    }

    public QueryRequest withRequestAck(boolean requestAck) {
        return new QueryRequest(name, payload, filterNodes, filterTags, requestAck, relayFactor, timeout);
    }

    public QueryRequest withRelayFactor(int relayFactor) {
        return new QueryRequest(name, payload, filterNodes, filterTags, requestAck, relayFactor, timeout);
    }

    public QueryRequest withTimeout(Duration timeout) {
        return new QueryRequest(name, payload, filterNodes, filterTags, requestAck, relayFactor, timeout);
    }
}
