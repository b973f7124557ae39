package io.serfnode.agent.serf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputRingBufferTest {
    @Test
    void keepsOnlyTheMostRecentLinesOldestFirst() {
        OutputRingBuffer buffer = new OutputRingBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.add("line " + i);
        }

        assertThat(buffer.snapshot()).containsExactly("line 3", "line 4", "line 5");
    }

    @Test
    void snapshotIsACopy() {
        OutputRingBuffer buffer = new OutputRingBuffer(2);
        buffer.add("a");
        var snapshot = buffer.snapshot();
        buffer.add("b");

        assertThat(snapshot).containsExactly("a");
    }

    @Test
    void refusesZeroCapacity() {
        assertThatThrownBy(() -> new OutputRingBuffer(0)).hasMessageContaining("at least 1 line");
    }
}
