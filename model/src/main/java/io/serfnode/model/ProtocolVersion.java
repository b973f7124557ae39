package io.serfnode.model;

/** The version of the WebSocket protocol and of Serfnode's gossip payloads (the {@code sn} tag). */
public final class ProtocolVersion {
    /** Carried by every wire message and advertised in the {@code sn} serf tag. */
    public static final int CURRENT = 1;

    private ProtocolVersion() {
    }
}
