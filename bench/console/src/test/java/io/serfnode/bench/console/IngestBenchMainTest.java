package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IngestBenchMainTest {

    @Test
    void defaultsToTheIssuesGoal() {
        IngestSettings settings = IngestBenchMain.parse(new String[0]);

        assertThat(settings.members()).isEqualTo(1000);
        assertThat(settings.childrenPerMember()).isEqualTo(5);
        assertThat(settings.eventsPerSecond()).isEqualTo(20_000);
        assertThat(settings.queueLimit()).isEqualTo(1024);
    }

    @Test
    void readsEveryOption() {
        IngestSettings settings = IngestBenchMain.parse(new String[] {"--ingest-cluster", "200x2", "--rate", "500",
                "--ingest-seconds", "3", "--queue-limit", "4096"});

        assertThat(settings.members()).isEqualTo(200);
        assertThat(settings.childrenPerMember()).isEqualTo(2);
        assertThat(settings.eventsPerSecond()).isEqualTo(500);
        assertThat(settings.seconds()).isEqualTo(3);
        assertThat(settings.queueLimit()).isEqualTo(4096);
    }

    @Test
    void namesTheOptionThatIsWrong() {
        assertThatThrownBy(() -> IngestBenchMain.parse(new String[] {"--rate", "fast"}))
                .hasMessageContaining("--rate").hasMessageContaining("fast");
        assertThatThrownBy(() -> IngestBenchMain.parse(new String[] {"--frames", "3"}))
                .hasMessageContaining("--frames");
    }
}
