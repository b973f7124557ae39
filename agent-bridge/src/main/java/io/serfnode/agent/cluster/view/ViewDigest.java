package io.serfnode.agent.cluster.view;

import io.serfnode.model.Member;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Computes a member's {@link LocalView}: the digest is the first 16 hex digits of the SHA-256 of one line
 * {@code name TAB status LF} per member, sorted by name. Tags and addresses are left out on purpose: a
 * member changing its roles is not a disagreement about who is in the cluster.
 */
public final class ViewDigest {
    private static final int DIGEST_BYTES = 8;

    private ViewDigest() {
    }

    public static LocalView of(Collection<Member> members) {
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(Member::name));
        StringBuilder lines = new StringBuilder();
        int alive = 0;
        int left = 0;
        List<String> failed = new ArrayList<>();
        for (Member member : sorted) {
            lines.append(member.name()).append('\t').append(member.status().serfName()).append('\n');
            switch (member.status()) {
                case ALIVE -> alive++;
                case FAILED -> failed.add(member.name());
                case LEAVING, LEFT -> left++;
                case NONE -> { }
            }
        }
        return new LocalView(hash(lines.toString()), alive, failed.size(), left, failed);
    }

    private static String hash(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
