package io.serfnode.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The serf tags Serfnode gives meaning to. Every one is optional: a plain serf member without tags is a
 * member without roles, without a WebSocket API and without a Serfnode protocol version.
 */
public final class SerfTags {
    /** Space-separated roles, as in the original Serfnode. */
    public static final String ROLE = "role";
    /** {@code host:port} of the member's WebSocket API. */
    public static final String WS = "ws";
    /** The Serfnode protocol version the member speaks. */
    public static final String PROTOCOL = "sn";

    // String.split compiles a pattern on every call for a regex like this one, and roles are read per event
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SerfTags() {
    }

    /** The roles in a {@code role} tag value: split on whitespace, first occurrence wins, order kept. */
    public static List<String> parseRoles(String roleTag) {
        if (roleTag == null || roleTag.isBlank()) {
            return List.of();
        }
        Set<String> roles = new LinkedHashSet<>(List.of(WHITESPACE.split(roleTag.trim())));
        return List.copyOf(roles);
    }

    /** The roles a member's tags declare; none when there is no {@code role} tag. */
    public static List<String> roles(Map<String, String> tags) {
        return tags == null ? List.of() : parseRoles(tags.get(ROLE));
    }

    /** The {@code role} tag value for {@code roles}. */
    public static String formatRoles(Collection<String> roles) {
        List<String> cleaned = new ArrayList<>();
        for (String role : roles) {
            if (role == null || role.isBlank() || role.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidValueException(ROLE, "a role must be one non-blank word, found '" + role + "'");
            }
            if (!cleaned.contains(role)) {
                cleaned.add(role);
            }
        }
        return String.join(" ", cleaned);
    }

    /** The member's WebSocket API address, when it advertises one. */
    public static Optional<String> wsAddress(Map<String, String> tags) {
        return Optional.ofNullable(tags == null ? null : tags.get(WS)).filter(value -> !value.isBlank());
    }
}
