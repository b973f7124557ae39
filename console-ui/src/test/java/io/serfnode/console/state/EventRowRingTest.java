package io.serfnode.console.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRowRingTest {

    @Test
    void keepsTheNewestRowsOldestFirstAsItGrowsAndWrapsAround() {
        EventRowRing ring = new EventRowRing(3_000);

        for (long seq = 1; seq <= 7_500; seq++) {
            ring.add(row(seq));
        }

        assertThat(ring.size()).isEqualTo(3_000);
        assertThat(seqs(ring)).first().isEqualTo(4_501L);
        assertThat(seqs(ring)).last().isEqualTo(7_500L);
        assertThat(seqs(ring)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void givesBackEveryFieldOfARowIncludingAMissingTime() {
        EventRowRing ring = new EventRowRing(4);
        EventRow timed = new EventRow(7, Instant.parse("2026-11-22T10:15:30.123456789Z"), "member-join", "db-1", "",
                "db", "alive 127.0.0.1:7946 db");
        EventRow untimed = new EventRow(8, null, "user-event", "", "", "", "deploy");

        ring.add(timed);
        ring.add(untimed);

        assertThat(ring.get(0)).isEqualTo(timed);
        assertThat(ring.get(1)).isEqualTo(untimed);
    }

    @Test
    void startsOverEmptyWhenCleared() {
        EventRowRing ring = new EventRowRing(2);
        ring.add(row(1));
        ring.add(row(2));
        ring.add(row(3));

        ring.clear();
        ring.add(row(4));

        assertThat(seqs(ring)).containsExactly(4L);
    }

    @Test
    void refusesAnIndexOutsideItsRowsAndANonPositiveCapacity() {
        EventRowRing ring = new EventRowRing(2);
        ring.add(row(1));

        assertThatThrownBy(() -> ring.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new EventRowRing(0)).hasMessageContaining("capacity must be at least 1, found 0");
    }

    private static EventRow row(long seq) {
        return new EventRow(seq, Instant.ofEpochSecond(seq), "user-event", "", "", "", "e" + seq);
    }

    private static List<Long> seqs(EventRowRing ring) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            seqs.add(ring.get(i).seq());
        }
        return seqs;
    }
}
