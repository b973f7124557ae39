package io.serfnode.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A member's status as Serf reports it. Serf has no "reaped" status: a reaped member is announced by a
 * {@code member-reap} event and carries its last status (usually {@code left} or {@code failed}).
 */
public enum MemberStatus {
    /** Serf's {@code StatusNone}; also stands for any status this version does not know. */
    NONE("none"),
    ALIVE("alive"),
    /** Announced its leave; still gossiping until the leave propagates. */
    LEAVING("leaving"),
    /** Left gracefully; kept until reaped. */
    LEFT("left"),
    /** Stopped answering probes; Serf keeps trying to reconnect until it is reaped. */
    FAILED("failed");

    private final String serfName;

    MemberStatus(String serfName) {
        this.serfName = serfName;
    }

    /** The status string Serf uses, which is also the wire form. */
    @JsonValue
    public String serfName() {
        return serfName;
    }

    /**
     * Reads a status from Serf leniently: unknown or missing statuses become {@link #NONE}, so a newer Serf
     * never breaks the member list.
     */
    public static MemberStatus fromSerf(String status) {
        if (status == null) {
            return NONE;
        }
        String wanted = status.trim().toLowerCase(Locale.ROOT);
        for (MemberStatus candidate : values()) {
            if (candidate.serfName.equals(wanted)) {
                return candidate;
            }
        }
        return NONE;
    }

    /** Still part of the cluster: alive, or leaving but not yet gone. */
    public boolean isPresent() {
        return this == ALIVE || this == LEAVING;
    }
}
