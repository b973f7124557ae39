package io.serfnode.model.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewReportTest {
    private static final ViewGroup WEB_SIDE = new ViewGroup("aaaa", List.of("web-1", "web-2"), 2, 1, 0,
            List.of("db-1"));
    private static final ViewGroup DB_SIDE = new ViewGroup("bbbb", List.of("db-1"), 1, 2, 0,
            List.of("web-1", "web-2"));

    @Test
    void agreesWhenEveryAnswerSeesTheSameMembership() {
        assertThat(new ViewReport(List.of(WEB_SIDE), List.of("db-1")).agree()).isTrue();
        assertThat(new ViewReport(List.of(), List.of("db-1")).agree()).isTrue();
    }

    @Test
    void disagreesWhenAnswersSeeDifferentMemberships() {
        assertThat(new ViewReport(List.of(WEB_SIDE, DB_SIDE), List.of()).agree()).isFalse();
    }

    @Test
    void putsEveryMemberInOnePlaceOnly() {
        assertThatThrownBy(() -> new ViewReport(List.of(WEB_SIDE,
                new ViewGroup("cccc", List.of("web-2"), 3, 0, 0, List.of())), List.of()))
                .hasMessage("groups[1].members: names 'web-2', which is already in another group");
        assertThatThrownBy(() -> new ViewReport(List.of(WEB_SIDE), List.of("web-1")))
                .hasMessage("noAnswer: names 'web-1', which answered");
    }

    @Test
    void namesNoMoreFailedMembersThanItCounts() {
        assertThatThrownBy(() -> new ViewGroup("aaaa", List.of("web-1"), 1, 0, 0, List.of("db-1")))
                .hasMessage("failedMembers: names 1 members but 'failed' is 0");
        assertThat(new ViewGroup("aaaa", List.of("web-1"), 1, 3, 0, List.of("db-1")).failedMembersComplete())
                .isFalse();
    }

    @Test
    void groupsHoldAtLeastOneMember() {
        assertThatThrownBy(() -> new ViewGroup("aaaa", List.of(), 1, 0, 0, List.of()))
                .hasMessage("members: must name at least one member");
    }

    @Test
    void boundsViewCheckTimeouts() {
        assertThat(ViewCheck.withDefaults().timeout()).isNull();
        assertThatThrownBy(() -> new ViewCheck(Duration.ZERO))
                .hasMessage("timeoutMs: must be between 1 and 60000 milliseconds, found 0");
        assertThatThrownBy(() -> new ViewCheck(Duration.ofMinutes(2)))
                .hasMessage("timeoutMs: must be between 1 and 60000 milliseconds, found 120000");
    }
}
