package io.serfnode.agent.serf.rpc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MembersFilterTest {

    @Test
    void refusesAnInvalidMembersFilterRegexBeforeSerfDropsTheConnection() {
        assertThatThrownBy(() -> MembersFilter.byTag("role", "web("))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag 'role'").hasMessageContaining("web(");
    }
}
