package io.serfnode.agent.devif;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberEventLinesTest {

    @Test
    void escapesTabsAndNewlinesSoEveryMemberStaysOnOneLine() {
        Member odd = new Member("odd\tname", "127.0.0.5", 7946, Map.of("role", "a\nb", "x", "1\t2"), MemberStatus.ALIVE);

        assertThat(MemberEventLines.of(List.of(odd)))
                .isEqualTo("odd\\tname\t127.0.0.5\ta\\nb\trole=a\\nb,x=1\\t2\n");
    }

    @Test
    void writesNothingForNoMembers() {
        assertThat(MemberEventLines.of(List.of())).isEmpty();
    }
}
