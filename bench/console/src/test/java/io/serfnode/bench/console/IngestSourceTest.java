package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestSourceTest {
    @TempDir
    Path work;

    @Test
    void floodsFromAProcessOfItsOwnAndReportsWhatItSent() throws Exception {
        IngestSettings settings = IngestSettings.defaults().withCluster(Scenario.parse("10x2"))
                .withEventsPerSecond(1000).withSeconds(0.5);
        Path token = Files.writeString(work.resolve("token"), "source-test-token");
        ProcessHandle sourceProcess;
        try (IngestSource source = IngestSource.start(settings, token)) {
            assertThat(source.uri().toString()).startsWith("ws://127.0.0.1:");
            sourceProcess = source.process();
            assertThat(sourceProcess.parent()).contains(ProcessHandle.current());

            source.warm(0.3);
            IngestSource.Flooded flooded = source.flood(30);

            assertThat(flooded.delivered()).isEqualTo(500);
            assertThat(flooded.deliveredPerSecond()).isBetween(500.0, 1500.0);
            assertThat(flooded.end()).isGreaterThan(flooded.start());
            // the warm-up's events came first in the stream
            assertThat(flooded.lastSeq()).isEqualTo(300 + 500);
            assertThat(flooded.cpu()).containsKey(IngestResult.SOURCE_PROCESS);
            IngestSource.Finish finish = source.finish(work);
            assertThat(finish.children()).hasSize(10);
            assertThat(finish.children().get("node-00000")).containsOnlyKeys("child-0", "child-1");
        }
        assertThat(sourceProcess.isAlive()).isFalse();
    }
}
