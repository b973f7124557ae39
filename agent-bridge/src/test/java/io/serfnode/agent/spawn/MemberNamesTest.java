package io.serfnode.agent.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemberNamesTest {
    private final MemberNames names = new MemberNames();

    @Test
    void picksTheSmallestNumbersNoKnownMemberHas() {
        assertThat(names.pick("web", 3, List.of("web-1", "web-3", "db-2"))).containsExactly("web-2", "web-4", "web-5");
    }

    @Test
    void neverHandsOutANameTwiceEvenBeforeTheMemberJoined() {
        names.pick("db", 1, List.of());
        assertThat(names.pick("db", 1, List.of())).containsExactly("db-2");
    }

    @Test
    void namesMembersWithoutARoleMember() {
        assertThat(names.pick(null, 1, List.of())).containsExactly("member-1");
    }
}
