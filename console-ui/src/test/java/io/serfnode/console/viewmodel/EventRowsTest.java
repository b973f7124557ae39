package io.serfnode.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.state.EventRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import org.junit.jupiter.api.Test;

class EventRowsTest {

    @Test
    void appendingPastTheCapacityDropsTheOldestInOneChange() {
        EventRows rows = new EventRows(5);
        rows.append(rows(1, 2, 3, 4));
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<EventRow>) change -> {
            StringBuilder parts = new StringBuilder();
            while (change.next()) {
                parts.append(change.wasRemoved() ? "-" + seqs(change.getRemoved()) : "")
                        .append(change.wasAdded() ? "+" + seqs(change.getAddedSubList()) : "").append(';');
            }
            changes.add(parts.toString());
        });

        rows.append(rows(5, 6, 7));

        assertThat(seqs(rows)).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(changes).containsExactly("-[1, 2];+[5, 6, 7];");
    }

    @Test
    void givesBackEveryFieldOfTheRowsItWasHanded() {
        EventRows rows = new EventRows(3);
        EventRow row = new EventRow(42, Instant.parse("2026-11-22T10:15:30.123456789Z"), "supervisor-state", "web-1",
                "nginx", "web edge", "RUNNING → EXITED (exit 1)");

        rows.append(List.of(row));

        assertThat(rows.get(0)).isEqualTo(row);
    }

    @Test
    void aFilteredViewFollowsAnyMixOfAppendsAndClears() {
        EventRows rows = new EventRows(50);
        FilteredList<EventRow> even = new FilteredList<>(rows, row -> row.seq() % 2 == 0);
        List<Long> expected = new ArrayList<>();
        Random random = new Random(11);
        long next = 0;
        for (int round = 0; round < 500; round++) {
            if (random.nextInt(40) == 0) {
                rows.clear();
                expected.clear();
                continue;
            }
            long start = next;
            int count = random.nextInt(70);
            List<Long> batch = LongStream.range(start, start + count).boxed().toList();
            next += count;
            rows.append(batch.stream().map(EventRowsTest::row).toList());
            expected.addAll(batch);
            if (expected.size() > 50) {
                expected.subList(0, expected.size() - 50).clear();
            }
            assertThat(seqs(rows)).containsExactlyElementsOf(expected);
            assertThat(seqs(even)).containsExactlyElementsOf(expected.stream().filter(n -> n % 2 == 0).toList());
        }
    }

    private static List<EventRow> rows(long... seqs) {
        return LongStream.of(seqs).mapToObj(EventRowsTest::row).toList();
    }

    private static EventRow row(long seq) {
        return new EventRow(seq, Instant.ofEpochSecond(seq), "user-event", "", "", "", "e" + seq);
    }

    private static List<Long> seqs(List<? extends EventRow> rows) {
        return rows.stream().map(EventRow::seq).toList();
    }
}
