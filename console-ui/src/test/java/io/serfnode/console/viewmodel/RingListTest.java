package io.serfnode.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RingListTest {

    @Test
    void dropsOldestAndAppendsNewestAcrossTheWrap() {
        RingList<Integer> ring = new RingList<>();
        for (int i = 0; i < 100; i++) {
            ring.add(i);
            if (ring.size() > 10) {
                ring.remove(0);
            }
        }

        assertThat(ring).containsExactly(90, 91, 92, 93, 94, 95, 96, 97, 98, 99);
    }

    @Test
    void behavesLikeAnArrayListForAnyMixOfEdits() {
        RingList<Integer> ring = new RingList<>();
        List<Integer> expected = new ArrayList<>();
        Random random = new Random(3);
        for (int step = 0; step < 5_000; step++) {
            int roll = random.nextInt(10);
            if (roll < 5 || expected.isEmpty()) {
                int at = random.nextInt(expected.size() + 1);
                ring.add(at, step);
                expected.add(at, step);
            } else if (roll < 8) {
                int at = random.nextInt(expected.size());
                assertThat(ring.remove(at)).isEqualTo(expected.remove(at));
            } else if (roll < 9) {
                int at = random.nextInt(expected.size());
                assertThat(ring.set(at, -step)).isEqualTo(expected.set(at, -step));
            } else {
                ring.subList(0, expected.size() / 3).clear();
                expected.subList(0, expected.size() / 3).clear();
            }
            assertThat(ring).isEqualTo(expected);
        }
    }

    @Test
    void namesTheIndexOutsideTheList() {
        RingList<String> ring = new RingList<>();
        ring.add("only");

        assertThatThrownBy(() -> ring.get(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("index 1");
    }
}
