package io.serfnode.model;

import static io.serfnode.model.SupervisorState.BACKOFF;
import static io.serfnode.model.SupervisorState.EXITED;
import static io.serfnode.model.SupervisorState.FATAL;
import static io.serfnode.model.SupervisorState.RUNNING;
import static io.serfnode.model.SupervisorState.STARTING;
import static io.serfnode.model.SupervisorState.STOPPED;
import static io.serfnode.model.SupervisorState.STOPPING;
import static io.serfnode.model.SupervisorState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupervisorStateTest {

    @Test
    void hasSupervisordsStatesInItsOrder() {
        assertThat(SupervisorState.values())
                .containsExactly(STOPPED, STARTING, RUNNING, BACKOFF, STOPPING, EXITED, FATAL, UNKNOWN);
    }

    @Test
    void countsOnlyRunningAsRunning() {
        assertThat(SupervisorState.values()).filteredOn(SupervisorState::isRunning).containsExactly(RUNNING);
    }

    @Test
    void treatsSupervisordsStoppedStatesAsTerminal() {
        assertThat(SupervisorState.values()).filteredOn(SupervisorState::isTerminal)
                .containsExactly(STOPPED, EXITED, FATAL);
    }

    @Test
    void treatsStatesTheSupervisorLeavesOnItsOwnAsTransitional() {
        assertThat(SupervisorState.values()).filteredOn(SupervisorState::isTransitional)
                .containsExactly(STARTING, BACKOFF, STOPPING);
    }

    @Test
    void asksForAttentionWhenFatalOrUnknown() {
        assertThat(SupervisorState.values()).filteredOn(SupervisorState::needsAttention)
                .containsExactly(FATAL, UNKNOWN);
    }
}
