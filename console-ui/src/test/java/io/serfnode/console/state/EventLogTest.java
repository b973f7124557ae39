package io.serfnode.console.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private final EventLog log = new EventLog(4);

    @Test
    void handsOutOnlyTheRowsAppendedSinceTheReadersMark() {
        append(1, 2, 3);
        long mark = log.appended();
        append(4, 5);

        assertThat(log.since(mark)).extracting(EventRow::seq).containsExactly(4L, 5L);
    }

    @Test
    void dropsTheOldestRowsBeyondItsCapacity() {
        append(1, 2, 3, 4, 5, 6);

        assertThat(log.all()).extracting(EventRow::seq).containsExactly(3L, 4L, 5L, 6L);
        assertThat(log.since(0)).extracting(EventRow::seq).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new EventLog(0)).hasMessageContaining("capacity must be at least 1, found 0");
    }

    private void append(long... seqs) {
        for (long seq : seqs) {
            log.append(new EventRow(seq, Instant.EPOCH, "user-event", "", "", "", "e" + seq));
        }
    }
}
