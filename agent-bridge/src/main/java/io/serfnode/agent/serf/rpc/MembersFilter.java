package io.serfnode.agent.serf.rpc;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The filter of {@code members-filtered}. Every value is a regular expression (Go RE2 syntax) that
 * Serf anchors with {@code ^...$}; empty status and name match everything.
 *
 * <p>An expression Serf cannot compile makes the agent drop the whole RPC connection without an
 * answer, so expressions are compiled here first and rejected with a clear error. Java's syntax is
 * close to RE2's but not identical; keep to the common subset.
 */
public record MembersFilter(Map<String, String> tags, String status, String name) {
    public static final MembersFilter ALL = new MembersFilter(Map.of(), "", "");

    public MembersFilter {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        status = Objects.requireNonNullElse(status, "");
        name = Objects.requireNonNullElse(name, "");
        tags.forEach((tag, expr) -> requireRegex("tag '" + tag + "'", expr));
        requireRegex("status", status);
        requireRegex("name", name);
    }

    public static MembersFilter byName(String nameRegex) {
        return ALL.withName(nameRegex);
    }

    public static MembersFilter byStatus(MemberStatus status) {
        return ALL.withStatus(status.wireName());
    }

    public static MembersFilter byTag(String tag, String valueRegex) {
        return ALL.withTags(Map.of(tag, valueRegex));
    }

    public MembersFilter withTags(Map<String, String> tags) {
        return new MembersFilter(tags, status, name);
    }

    public MembersFilter withStatus(String statusRegex) {
        return new MembersFilter(tags, statusRegex, name);
    }

    public MembersFilter withName(String nameRegex) {
        return new MembersFilter(tags, status, nameRegex);
    }

    private static void requireRegex(String field, String expr) {
        try {
            Pattern.compile(expr);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("members filter " + field + ": invalid regular expression '"
                    + expr + "': " + e.getDescription(), e);
        }
    }
}
