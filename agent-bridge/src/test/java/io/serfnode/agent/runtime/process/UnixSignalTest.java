package io.serfnode.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnixSignalTest {

    @Test
    void readsNamesAsOperatorsWriteThem() {
        assertThat(UnixSignal.parse("TERM")).isEqualTo(UnixSignal.TERM);
        assertThat(UnixSignal.parse("sigusr1")).isEqualTo(UnixSignal.USR1);
        assertThat(UnixSignal.parse(" hup ")).isEqualTo(UnixSignal.HUP);
    }

    @Test
    void reportsExitCodesAsShellsDo() {
        assertThat(UnixSignal.TERM.exitCode()).isEqualTo(143);
        assertThat(UnixSignal.KILL.exitCode()).isEqualTo(137);
        assertThat(UnixSignal.INT.exitCode()).isEqualTo(130);
    }

    @Test
    void refusesAnUnknownSignalListingTheAcceptedOnes() {
        assertThatThrownBy(() -> UnixSignal.parse("STOP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown signal 'STOP'")
                .hasMessageContaining("TERM")
                .hasMessageContaining("USR2");
    }
}
