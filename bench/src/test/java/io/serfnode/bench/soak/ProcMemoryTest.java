package io.serfnode.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcMemoryTest {

    @Test
    void readsResidentMemoryInMebibytesFromAProcStatusText() {
        String status = "Name:\tjava\nVmPeak:\t 6000000 kB\nVmRSS:\t  204800 kB\nThreads:\t42\n";

        assertThat(ProcMemory.vmRssMb(status)).isEqualTo(200.0);
    }

    @Test
    void readsAProcessWithoutResidentMemoryAsZero() {
        assertThat(ProcMemory.vmRssMb("Name:\tserf\nState:\tZ (zombie)\n")).isZero();
    }

    @Test
    void rejectsAnRssLineInAnotherUnitQuotingIt() {
        assertThatThrownBy(() -> ProcMemory.vmRssMb("VmRSS:\t 12 MB\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VmRSS:\t 12 MB");
    }

    @Test
    void readsItsOwnResidentMemory() {
        assertThat(ProcMemory.rssMb(ProcessHandle.current().pid())).isPositive();
    }
}
