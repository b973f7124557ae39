package io.serfnode.agent.cluster.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewDigestTest {
    private static Member member(String name, MemberStatus status) {
        return Member.plain(name, "10.77.0.1", 7946, status);
    }

    @Test
    void givesTheSameDigestForTheSameMembersInAnyOrder() {
        LocalView one = ViewDigest.of(List.of(member("a", MemberStatus.ALIVE), member("b", MemberStatus.FAILED)));
        LocalView other = ViewDigest.of(List.of(member("b", MemberStatus.FAILED), member("a", MemberStatus.ALIVE)));

        assertThat(one.digest()).isEqualTo(other.digest()).hasSize(16).matches("[0-9a-f]{16}");
    }

    @Test
    void changesTheDigestWhenAMemberChangesStatus() {
        LocalView before = ViewDigest.of(List.of(member("a", MemberStatus.ALIVE), member("b", MemberStatus.ALIVE)));
        LocalView after = ViewDigest.of(List.of(member("a", MemberStatus.ALIVE), member("b", MemberStatus.FAILED)));

        assertThat(after.digest()).isNotEqualTo(before.digest());
    }

    @Test
    void ignoresTagsAndAddresses() {
        Member plain = member("a", MemberStatus.ALIVE);
        Member tagged = new Member("a", "10.77.0.9", 7950, Map.of("role", "web"), MemberStatus.ALIVE);

        assertThat(ViewDigest.of(List.of(tagged)).digest()).isEqualTo(ViewDigest.of(List.of(plain)).digest());
    }

    @Test
    void hashesSortedNameTabStatusLines() {
        // the documented form, so that other tools can compute the same digest
        LocalView view = ViewDigest.of(List.of(member("b", MemberStatus.FAILED), member("a", MemberStatus.ALIVE)));

        assertThat(view.digest()).isEqualTo(sha256Prefix("a\talive\nb\tfailed\n"));
    }

    @Test
    void countsMembersByStatusAndNamesTheFailedInOrder() {
        LocalView view = ViewDigest.of(List.of(member("c", MemberStatus.FAILED), member("a", MemberStatus.ALIVE),
                member("d", MemberStatus.LEFT), member("e", MemberStatus.LEAVING), member("b", MemberStatus.FAILED)));

        assertThat(view.alive()).isEqualTo(1);
        assertThat(view.failed()).isEqualTo(2);
        assertThat(view.left()).isEqualTo(2);
        assertThat(view.failedMembers()).containsExactly("b", "c");
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
