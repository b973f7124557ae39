package io.serfnode.agent.runtime.docker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Container names of children: {@code serfnode-<member>-<child>}. Member names are unique in a cluster and
 * child names within a member, so the name is unique on any engine the cluster shares. Characters Docker
 * does not accept become {@code -}; whenever that (or shortening an overlong name) loses information, a
 * short hash of the original pair is appended, so two different children never end up with one name.
 */
public final class ContainerNames {
    /** Docker accepts {@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}; the prefix provides the first character. */
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-zA-Z0-9_.-]");
    static final String PREFIX = "serfnode-";
    static final int MAX_LENGTH = 128;
    private static final int HASH_CHARS = 8;

    private ContainerNames() {
    }

    /** The container name of {@code child} of {@code member}. */
    public static String of(String member, String child) {
        requireName("member", member);
        requireName("child", child);
        String cleanMember = NOT_ALLOWED.matcher(member).replaceAll("-");
        String cleanChild = NOT_ALLOWED.matcher(child).replaceAll("-");
        String name = PREFIX + cleanMember + "-" + cleanChild;
        boolean lossless = cleanMember.equals(member) && cleanChild.equals(child);
        if (lossless && name.length() <= MAX_LENGTH) {
            return name;
        }
        String suffix = "-" + hash(member, child);
        int keep = Math.min(name.length(), MAX_LENGTH - suffix.length());
        return name.substring(0, keep) + suffix;
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a container name needs a non-blank " + what + " name, got '"
                    + value + "'");
        }
    }

    private static String hash(String member, String child) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(member.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0); // keeps ("ab","c") apart from ("a","bc")
            digest.update(child.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
