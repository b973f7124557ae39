package io.serfnode.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberStatusTest {

    @Test
    void readsEverySerfStatus() {
        assertThat(MemberStatus.fromSerf("alive")).isEqualTo(MemberStatus.ALIVE);
        assertThat(MemberStatus.fromSerf("leaving")).isEqualTo(MemberStatus.LEAVING);
        assertThat(MemberStatus.fromSerf("left")).isEqualTo(MemberStatus.LEFT);
        assertThat(MemberStatus.fromSerf("failed")).isEqualTo(MemberStatus.FAILED);
        assertThat(MemberStatus.fromSerf("none")).isEqualTo(MemberStatus.NONE);
    }

    @Test
    void toleratesStatusesItDoesNotKnow() {
        assertThat(MemberStatus.fromSerf("reaped")).isEqualTo(MemberStatus.NONE);
        assertThat(MemberStatus.fromSerf(null)).isEqualTo(MemberStatus.NONE);
        assertThat(MemberStatus.fromSerf(" Alive ")).isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void countsAliveAndLeavingMembersAsPresent() {
        assertThat(MemberStatus.values()).filteredOn(MemberStatus::isPresent)
                .containsExactlyInAnyOrder(MemberStatus.ALIVE, MemberStatus.LEAVING);
    }
}
