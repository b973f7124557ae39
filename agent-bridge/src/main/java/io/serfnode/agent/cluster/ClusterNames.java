package io.serfnode.agent.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The names of Serfnode's own event and query about children, and the limits on member and child names
 * that make every transition fit one {@code serfnode.sv} event and every child fit one
 * {@code serfnode.children} response.
 *
 * <p>Names are measured as they travel: the UTF-8 bytes of the JSON string without its quotes, so a
 * character JSON must escape counts with its escape ({@code "} is 2 bytes, a control character 6). For
 * plain ASCII names the limit is simply {@value #MAX_NAME_BYTES} characters.
 */
public final class ClusterNames {
    /** The user event that carries one supervisor transition. */
    public static final String TRANSITION_EVENT = "serfnode.sv";
    /** The query that asks a member for a page of its children. */
    public static final String CHILDREN_QUERY = "serfnode.children";
    /** The query that asks a member for its recent transitions in a range of counters. */
    public static final String TRANSITIONS_QUERY = "serfnode.transitions";
    /** The largest member (serf node) name and the largest child name, in JSON-encoded bytes. */
    public static final int MAX_NAME_BYTES = 128;

    private ClusterNames() {
    }

    /** Throws an {@link IllegalArgumentException} naming the member when its name is empty or too long. */
    public static String checkMemberName(String member) {
        return check(member, "member");
    }

    /** Throws an {@link IllegalArgumentException} naming the child when its name is empty or too long. */
    public static String checkChildName(String child) {
        return check(child, "child");
    }

    /** The size of {@code text} as a JSON string without its quotes. */
    static int jsonBytes(String text) {
        try {
            return ClusterJson.MAPPER.writeValueAsBytes(text).length - 2;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot measure a string as JSON", e);
        }
    }

    private static String check(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " name must not be empty");
        }
        int bytes = jsonBytes(name);
        if (bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException(what + " name '" + shorten(name) + "' is " + bytes
                    + " bytes as JSON, over the limit of " + MAX_NAME_BYTES + " bytes that keeps every transition "
                    + "within serf's user event size and every child within one query response");
        }
        return name;
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
