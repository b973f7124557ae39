package io.serfnode.model.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Payload;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandRulesTest {

    @Test
    void spawnsFromExactlyOneSource() {
        assertThatThrownBy(() -> new SpawnMember(null, null, null, 1, null, null))
                .hasMessage("template: give exactly one of 'template' and 'likeMember'");
        assertThatThrownBy(() -> new SpawnMember("web", "web-1", null, 1, null, null))
                .hasMessage("likeMember: give exactly one of 'template' and 'likeMember'");
    }

    @Test
    void spawnsOneMemberUnlessToldOtherwise() {
        assertThat(new SpawnMember("web", null, null, null, null, null).count()).isEqualTo(1);
        assertThatThrownBy(() -> SpawnMember.fromTemplate("web").withCount(0))
                .hasMessage("count: must be at least 1, found 0");
        assertThatThrownBy(() -> SpawnMember.fromTemplate("web").withCount(101))
                .hasMessage("count: must be at most 100, found 101");
    }

    @Test
    void normalisesTheRolesOfSpawnedMembers() {
        assertThat(SpawnMember.like("web-1").withRole("  web   edge web ").role()).isEqualTo("web edge");
    }

    @Test
    void reservesSerfnodeNamesForSerfnode() {
        assertThatThrownBy(() -> new TriggerEvent("serfnode.sv", Payload.EMPTY, false))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("reserved for Serfnode itself");
        assertThatThrownBy(() -> SendQuery.toAll("serfnode.cmd", Payload.EMPTY))
                .hasMessageContaining("reserved for Serfnode itself");
    }

    @Test
    void boundsQueryTimeouts() {
        SendQuery query = SendQuery.toAll("uptime", Payload.EMPTY);

        assertThat(query.timeout()).isNull();
        assertThat(query.withTimeout(Duration.ofSeconds(5)).timeout()).hasSeconds(5);
        assertThatThrownBy(() -> query.withTimeout(Duration.ZERO))
                .hasMessage("timeoutMs: must be between 1 and 300000 milliseconds, found 0");
        assertThatThrownBy(() -> query.withTimeout(Duration.ofMinutes(6)))
                .hasMessage("timeoutMs: must be between 1 and 300000 milliseconds, found 360000");
    }

    @Test
    void aimsChildCommandsAtOneChildOfOneMember() {
        ChildCommand restart = new RestartChild("web-1", "nginx");

        assertThat(restart.member()).isEqualTo("web-1");
        assertThat(restart.child()).isEqualTo("nginx");
        assertThat(restart.kind()).isEqualTo("restart-child");
        assertThatThrownBy(() -> new StopChild("web-1", "")).hasMessage("child: must not be blank");
    }
}
