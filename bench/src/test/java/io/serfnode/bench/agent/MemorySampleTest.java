package io.serfnode.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemorySampleTest {

    @Test
    void readsResidentAndPeakMemoryFromProcStatus() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 3000000 kB", "VmHWM:\t   98765 kB",
                "VmRSS:\t   81234 kB", "RssAnon:\t   55000 kB", "RssFile:\t   26000 kB", "RssShmem:\t     234 kB");

        assertThat(MemorySample.parse(status, "status")).isEqualTo(new MemorySample(81234, 98765, 55000, 26000));
    }

    @Test
    void namesTheMissingFieldAndTheFile() {
        assertThatThrownBy(() -> MemorySample.parse(List.of("Name:\tkthreadd"), "/proc/2/status"))
                .hasMessageContaining("/proc/2/status").hasMessageContaining("VmRSS");
    }

    @Test
    void readsTheStatusOfALiveProcess() throws Exception {
        MemorySample self = MemorySample.ofProcess(ProcessHandle.current().pid());

        assertThat(self.rssKb()).isPositive();
        assertThat(self.hwmKb()).isGreaterThanOrEqualTo(self.rssKb());
    }
}
