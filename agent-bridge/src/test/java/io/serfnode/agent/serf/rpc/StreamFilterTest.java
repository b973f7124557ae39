package io.serfnode.agent.serf.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamFilterTest {

    @Test
    void writesEveryFilterFormSerfUnderstands() {
        assertThat(StreamFilter.ALL.wire()).isEqualTo("*");
        assertThat(StreamFilter.parse("").wire()).isEqualTo("*");
        assertThat(StreamFilter.user("deploy").and(StreamFilter.query()).wire()).isEqualTo("user:deploy,query");
        assertThat(StreamFilter.query("serfnode.ping").wire()).isEqualTo("query:serfnode.ping");
        assertThat(StreamFilter.memberEvents().wire())
                .isEqualTo("member-join,member-leave,member-failed,member-update,member-reap");
        assertThat(StreamFilter.parse("member-join,user").parts()).containsExactly("member-join", "user");
    }

    @Test
    void namesTheBadPartOfAFilter() {
        assertThatThrownBy(() -> StreamFilter.parse("member-join,memberleave"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("part 1 'memberleave'");
    }
}
