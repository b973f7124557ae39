package io.serfnode.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void readsStateGroupAndStartTimeEvenWhenTheCommandHasSpacesAndParentheses() {
        String line = "4242 (my (odd) prog) S 1 4240 4240 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 987654 "
                + "1000 10 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        ProcStat stat = ProcStat.parse(4242, line);

        assertThat(stat).isEqualTo(new ProcStat(4242, 'S', 4240, 987654));
        assertThat(stat.isZombie()).isFalse();
    }

    @Test
    void seesThisVeryProcess() {
        long self = ProcessHandle.current().pid();
        assertThat(ProcStat.of(self)).hasValueSatisfying(stat -> assertThat(stat.startTicks()).isPositive());
    }

    @Test
    void findsNothingForAProcessThatDoesNotExist() {
        assertThat(ProcStat.of(Integer.MAX_VALUE)).isEmpty();
    }
}
