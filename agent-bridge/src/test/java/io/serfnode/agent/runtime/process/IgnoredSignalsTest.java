package io.serfnode.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IgnoredSignalsTest {

    @Test
    void readsTheSignalsAProcessStartedInTheBackgroundWithNohupIgnores() {
        // HUP (1), INT (2) and QUIT (3) ignored, and SIGPIPE (13), which no child is stopped with
        String status = "Name:\tjava\nSigBlk:\t0000000000000000\nSigIgn:\t0000000000001007\nSigCgt:\t0000000000000000\n";

        assertThat(IgnoredSignals.parse(status))
                .containsExactlyInAnyOrder(UnixSignal.HUP, UnixSignal.INT, UnixSignal.QUIT);
    }

    @Test
    void readsNoneWhenNothingIsIgnored() {
        assertThat(IgnoredSignals.parse("SigIgn:\t0000000000000000\n")).isEmpty();
    }

    @Test
    void readsTerminationAndUserSignals() {
        // TERM (15), USR1 (10), USR2 (12)
        assertThat(IgnoredSignals.parse("SigIgn:\t0000000000004a00\n"))
                .containsExactlyInAnyOrder(UnixSignal.TERM, UnixSignal.USR1, UnixSignal.USR2);
    }

    @Test
    void saysWhatIsWrongWithAStatusWithoutAReadableMask() {
        assertThatThrownBy(() -> IgnoredSignals.parse("Name:\tjava\n"))
                .hasMessageContaining("no SigIgn: line");
        assertThatThrownBy(() -> IgnoredSignals.parse("SigIgn:\tzz\n"))
                .hasMessageContaining("unreadable SigIgn: mask 'zz'");
    }
}
