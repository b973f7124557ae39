package io.serfnode.agent.serf.rpc;

/** A member's state as Serf reports it. */
public enum MemberStatus {
    NONE("none"),
    ALIVE("alive"),
    LEAVING("leaving"),
    LEFT("left"),
    FAILED("failed"),
    /** A status this client does not know (Serf prints "unknown" for those too). */
    UNKNOWN("unknown");

    private final String wireName;

    MemberStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static MemberStatus fromWire(String status) {
        return switch (status) {
            case "alive" -> ALIVE;
            case "leaving" -> LEAVING;
            case "left" -> LEFT;
            case "failed" -> FAILED;
            case "none" -> NONE;
            default -> UNKNOWN;
        };
    }
}
