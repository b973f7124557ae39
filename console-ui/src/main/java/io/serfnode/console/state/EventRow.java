package io.serfnode.console.state;

import java.time.Instant;

/**
 * One line of the event log, flattened for tables, filters and CSV.
 *
 * @param seq     the event's position in the stream that delivered it
 * @param time    when it happened
 * @param kind    the event kind's wire name ({@code supervisor-state}, {@code member-join} …)
 * @param member  the member it concerns, or empty
 * @param child   the child it concerns, or empty
 * @param roles   the member's roles when the event arrived, space separated, or empty
 * @param details the rest in plain words
 */
public record EventRow(long seq, Instant time, String kind, String member, String child, String roles,
                       String details) {

    /** Whether any field contains {@code lowerCaseText} (already lower case), for free-text search. */
    public boolean mentions(String lowerCaseText) {
        return contains(kind, lowerCaseText) || contains(member, lowerCaseText) || contains(child, lowerCaseText)
                || contains(roles, lowerCaseText) || contains(details, lowerCaseText);
    }

    public boolean hasRole(String role) {
        if (roles.isEmpty()) {
            return false;
        }
        for (String candidate : roles.split(" ")) {
            if (candidate.equals(role)) {
                return true;
            }
        }
        return false;
    }

    /** The row without its seq: the same event relayed by another agent has the same identity. */
    Object identity() {
        return new Identity(time, kind, member, child, details);
    }

    private record Identity(Instant time, String kind, String member, String child, String details) {
    }

    private static boolean contains(String field, String lowerCaseText) {
        return field.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseText);
    }
}
