package io.serfnode.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FanoutResultsFileTest {
    @TempDir
    Path dir;

    @Test
    void carriesEveryClientsCountsFailureAndMeasuredDelays() throws IOException {
        Path file = dir.resolve("results.bin");
        FanoutReader.Result clean = new FanoutReader.Result(5, 0, 0, null, new long[] {10, 20, 30, 0}, 3);
        FanoutReader.Result broken = new FanoutReader.Result(2, 1, 4, "connection reset", new long[0], 0);

        FanoutResultsFile.write(file, List.of(clean, broken));
        List<FanoutReader.Result> read = FanoutResultsFile.read(file);

        assertThat(read).hasSize(2);
        assertThat(read.get(0).received()).isEqualTo(5);
        assertThat(read.get(0).failure()).isNull();
        assertThat(read.get(0).measured()).isEqualTo(3);
        assertThat(read.get(0).delays()).containsExactly(10, 20, 30);
        assertThat(read.get(1).lagged()).isEqualTo(1);
        assertThat(read.get(1).outOfOrder()).isEqualTo(4);
        assertThat(read.get(1).failure()).isEqualTo("connection reset");
    }

    @Test
    void refusesAFileThatIsNotOne() throws IOException {
        Path file = Files.writeString(dir.resolve("other.bin"), "hello, world");

        assertThatThrownBy(() -> FanoutResultsFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a fan-out results file");
    }
}
