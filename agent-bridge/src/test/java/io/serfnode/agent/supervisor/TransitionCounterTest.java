package io.serfnode.agent.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransitionCounterTest {
    @TempDir
    Path stateDir;

    @Test
    void startsAtZeroInAFreshStateDirectory() throws IOException {
        TransitionCounter counter = TransitionCounter.open(stateDir);
        assertThat(counter.current()).isZero();
        assertThat(counter.next()).isEqualTo(1);
    }

    @Test
    void storesEveryValueBeforeReturningIt() throws IOException {
        TransitionCounter counter = TransitionCounter.open(stateDir);
        counter.next();
        long value = counter.next();
        assertThat(Files.readString(counter.file()).strip()).isEqualTo(Long.toString(value));
        assertThat(counter.file()).isEqualTo(stateDir.resolve("supervisor/transition-counter"));
        assertThat(counter.file().resolveSibling("transition-counter.tmp")).doesNotExist();
    }

    @Test
    void continuesAfterTheLastStoredValueWhenReopened() throws IOException {
        TransitionCounter first = TransitionCounter.open(stateDir);
        first.next();
        first.next();
        first.next();

        TransitionCounter second = TransitionCounter.open(stateDir);

        assertThat(second.next()).isEqualTo(4);
    }

    @Test
    void refusesAFileThatHoldsNoCounterAndNamesIt() throws IOException {
        Path file = stateDir.resolve("supervisor/transition-counter");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "forty-two");

        assertThatThrownBy(() -> TransitionCounter.open(stateDir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'forty-two'");
    }
}
