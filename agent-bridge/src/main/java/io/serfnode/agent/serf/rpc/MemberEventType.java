package io.serfnode.agent.serf.rpc;

/** The kinds of membership change Serf streams. */
public enum MemberEventType {
    MEMBER_JOIN("member-join"),
    MEMBER_LEAVE("member-leave"),
    MEMBER_FAILED("member-failed"),
    MEMBER_UPDATE("member-update"),
    MEMBER_REAP("member-reap");

    private final String wireName;

    MemberEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name Serf uses on the wire and in stream filters. */
    public String wireName() {
        return wireName;
    }

    /** The type for a wire name, or {@code null} when it is not a member event. */
    public static MemberEventType fromWire(String name) {
        for (MemberEventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
