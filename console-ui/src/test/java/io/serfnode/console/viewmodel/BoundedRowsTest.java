package io.serfnode.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import org.junit.jupiter.api.Test;

class BoundedRowsTest {

    @Test
    void appendingPastTheCapacityDropsTheOldestInOneChange() {
        BoundedRows<Integer> rows = new BoundedRows<>(5);
        rows.append(List.of(1, 2, 3, 4));
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<Integer>) change -> {
            StringBuilder parts = new StringBuilder();
            while (change.next()) {
                parts.append(change.wasRemoved() ? "-" + change.getRemoved() : "")
                        .append(change.wasAdded() ? "+" + change.getAddedSubList() : "").append(';');
            }
            changes.add(parts.toString());
        });

        rows.append(List.of(5, 6, 7));

        assertThat(rows).containsExactly(3, 4, 5, 6, 7);
        assertThat(changes).containsExactly("-[1, 2];+[5, 6, 7];");
    }

    @Test
    void aFilteredViewFollowsAnyMixOfAppendsAndClears() {
        BoundedRows<Integer> rows = new BoundedRows<>(50);
        FilteredList<Integer> even = new FilteredList<>(rows, n -> n % 2 == 0);
        List<Integer> expected = new ArrayList<>();
        Random random = new Random(11);
        int next = 0;
        for (int round = 0; round < 500; round++) {
            if (random.nextInt(40) == 0) {
                rows.clear();
                expected.clear();
                continue;
            }
            int start = next;
            int count = random.nextInt(70);
            List<Integer> batch = IntStream.range(start, start + count).boxed().toList();
            next += count;
            rows.append(batch);
            expected.addAll(batch);
            if (expected.size() > 50) {
                expected.subList(0, expected.size() - 50).clear();
            }
            assertThat(rows).containsExactlyElementsOf(expected);
            assertThat(even).containsExactlyElementsOf(expected.stream().filter(n -> n % 2 == 0).toList());
        }
    }
}
