package io.serfnode.agent.serf.rpc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Which events a {@code stream} delivers: {@code "*"}, a member event type ({@code member-join},
 * {@code member-leave}, {@code member-failed}, {@code member-update}, {@code member-reap}),
 * {@code user} or {@code user:NAME}, {@code query} or {@code query:NAME}, or a comma-separated list
 * of those. Validated here so a typo fails with a clear message instead of Serf's bare
 * "Invalid event filter".
 */
public record StreamFilter(List<String> parts) {
    private static final Set<String> SIMPLE = Set.of("*", "user", "query", "member-join", "member-leave",
            "member-failed", "member-update", "member-reap");

    /** Every event. */
    public static final StreamFilter ALL = new StreamFilter(List.of("*"));

    public StreamFilter {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("stream filter: needs at least one part, e.g. \"*\"");
        }
        parts = List.copyOf(parts);
        for (int i = 0; i < parts.size(); i++) {
            requireValid(parts.get(i), i);
        }
    }

    /** Parses Serf's own syntax, e.g. {@code "member-join,user:deploy"}. */
    public static StreamFilter parse(String filter) {
        if (filter == null || filter.isEmpty()) {
            return ALL;
        }
        return new StreamFilter(Arrays.asList(filter.split(",", -1)));
    }

    public static StreamFilter of(String... parts) {
        return new StreamFilter(List.of(parts));
    }

    public static StreamFilter memberEvents() {
        return of("member-join", "member-leave", "member-failed", "member-update", "member-reap");
    }

    public static StreamFilter user() {
        return of("user");
    }

    public static StreamFilter user(String name) {
        return of("user:" + name);
    }

    public static StreamFilter query() {
        return of("query");
    }

    public static StreamFilter query(String name) {
        return of("query:" + name);
    }

    /** This filter plus the parts of {@code other}. */
    public StreamFilter and(StreamFilter other) {
        List<String> all = new ArrayList<>(parts);
        all.addAll(other.parts);
        return new StreamFilter(all);
    }

    /** The filter as Serf reads it. */
    public String wire() {
        return String.join(",", parts);
    }

    private static void requireValid(String part, int index) {
        if (SIMPLE.contains(part)) {
            return;
        }
        for (String prefix : List.of("user:", "query:")) {
            if (part.startsWith(prefix)) {
                if (part.indexOf(',') >= 0) {
                    throw new IllegalArgumentException("stream filter part " + index + " '" + part
                            + "': an event name cannot contain ','");
                }
                return;
            }
        }
        throw new IllegalArgumentException("stream filter part " + index + " '" + part + "' is not one of "
                + "*, member-join, member-leave, member-failed, member-update, member-reap, user, user:NAME, "
                + "query, query:NAME");
    }
}
