package io.serfnode.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PulseBatcherTest {
    private final PulseBatcher batcher = new PulseBatcher();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsPlainTasksInOrderThenEachCoalescedKeyOnce() {
        Object refresh = new Object();
        batcher.post(() -> ran.add("a"));
        batcher.coalesce(refresh, () -> ran.add("refresh"));
        batcher.post(() -> ran.add("b"));
        batcher.coalesce(refresh, () -> ran.add("refresh again"));

        batcher.drain();

        assertThat(ran).containsExactly("a", "b", "refresh");
    }

    @Test
    void leavesTasksPostedWhileDrainingForTheNextPulse() {
        batcher.post(() -> {
            ran.add("first");
            batcher.post(() -> ran.add("later"));
        });

        batcher.drain();
        assertThat(ran).containsExactly("first");

        batcher.drain();
        assertThat(ran).containsExactly("first", "later");
    }

    @Test
    void aFailingTaskDoesNotStopTheBatch() {
        batcher.post(() -> {
            throw new IllegalStateException("broken update");
        });
        batcher.post(() -> ran.add("still runs"));

        batcher.drain();

        assertThat(ran).containsExactly("still runs");
    }

    @Test
    void stopsOnceItsTimeIsSpentAndKeepsTheRestInOrderForTheNextPulse() {
        Object refresh = new Object();
        batcher.post(() -> ran.add("a"));
        batcher.coalesce(refresh, () -> ran.add("refresh"));
        batcher.post(() -> ran.add("b"));
        batcher.coalesce(refresh, () -> ran.add("refresh"));

        batcher.drain(0);
        assertThat(ran).containsExactly("a", "refresh");

        batcher.drain(0);
        assertThat(ran).containsExactly("a", "refresh", "b", "refresh");
        assertThat(batcher.isEmpty()).isTrue();
    }
}
