package io.serfnode.console.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.model.SupervisorState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void keepsTheNewestMarksOldestFirst() {
        Timeline timeline = new Timeline(3);

        for (int i = 0; i < 50; i++) {
            timeline.add(mark(i));
        }

        assertThat(timeline.size()).isEqualTo(3);
        assertThat(timeline.view()).containsExactly(mark(47), mark(48), mark(49));
    }

    @Test
    void aViewStaysAsItWasWhateverIsAddedLater() {
        Timeline timeline = new Timeline(100);
        List<List<StateMark>> views = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            timeline.add(mark(i));
            views.add(timeline.view());
        }

        for (int i = 0; i < views.size(); i++) {
            List<StateMark> view = views.get(i);
            int first = Math.max(0, i - 99);
            assertThat(view).hasSize(i - first + 1);
            assertThat(view.get(0)).isEqualTo(mark(first));
            assertThat(view.get(view.size() - 1)).isEqualTo(mark(i));
        }
    }

    @Test
    void givesBackEveryMarkAsItWasAdded() {
        Timeline timeline = new Timeline(10);
        List<StateMark> added = List.of(
                new StateMark(T0.plusNanos(123_456_789), SupervisorState.STARTING, null),
                new StateMark(T0.minusSeconds(86_400 * 365), SupervisorState.EXITED, 0),
                new StateMark(T0.plusNanos(1), SupervisorState.BACKOFF, Integer.MIN_VALUE),
                new StateMark(T0, SupervisorState.FATAL, -9));

        added.forEach(timeline::add);

        assertThat(timeline.view()).containsExactlyElementsOf(added);
    }

    @Test
    void keepsEveryStateWithAndWithoutAnExitCode() {
        Timeline timeline = new Timeline(100);
        List<StateMark> added = new ArrayList<>();
        for (SupervisorState state : SupervisorState.values()) {
            added.add(new StateMark(T0, state, null));
            added.add(new StateMark(T0, state, 255));
        }

        added.forEach(timeline::add);

        assertThat(timeline.view()).containsExactlyElementsOf(added);
    }

    @Test
    void viewsCannotBeChanged() {
        Timeline timeline = new Timeline(5);
        timeline.add(mark(1));

        assertThatThrownBy(() -> timeline.view().add(mark(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> timeline.view().get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static StateMark mark(int i) {
        return new StateMark(T0.plusSeconds(i), SupervisorState.values()[i % SupervisorState.values().length], i);
    }
}
