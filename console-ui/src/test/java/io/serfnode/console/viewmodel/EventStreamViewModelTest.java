package io.serfnode.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.state.EventRow;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamViewModelTest {
    private final EventStreamViewModel events = new EventStreamViewModel(5);

    private static EventRow row(long seq, String kind, String member, String roles, String details) {
        return new EventRow(seq, Instant.parse("2025-01-01T12:00:00Z").plusSeconds(seq), kind, member, "", roles, details);
    }

    private final List<EventRow> sample = List.of(
            row(1, "supervisor-state", "web-1", "web", "RUNNING → EXITED (exit 1)"),
            row(2, "member-join", "db-1", "db backup", "alive 127.0.0.3:7946"),
            row(3, "user-event", "", "", "deploy v2"),
            row(4, "supervisor-state", "db-1", "db backup", "STARTING → RUNNING"));

    @Test
    void filtersByKindRoleAndMember() {
        events.append(sample);

        events.kindFilterProperty().set("supervisor-state");
        assertThat(events.rows()).extracting(EventRow::seq).containsExactly(1L, 4L);

        events.roleFilterProperty().set("backup");
        assertThat(events.rows()).extracting(EventRow::seq).containsExactly(4L);

        events.clearFilters();
        events.memberFilterProperty().set("db-1");
        assertThat(events.rows()).extracting(EventRow::seq).containsExactly(2L, 4L);
    }

    @Test
    void searchesEveryFieldIgnoringCase() {
        events.append(sample);

        events.searchTextProperty().set("DEPLOY");

        assertThat(events.rows()).extracting(EventRow::seq).containsExactly(3L);
        assertThat(events.shownCountProperty().get()).isEqualTo(1);
    }

    @Test
    void holdsRowsWhilePausedAndShowsThemOnResume() {
        events.append(sample.subList(0, 2));
        events.pause();

        events.append(sample.subList(2, 4));
        assertThat(events.rows()).hasSize(2);
        assertThat(events.heldCountProperty().get()).isEqualTo(2);

        events.resume();
        assertThat(events.rows()).extracting(EventRow::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events.heldCountProperty().get()).isZero();
    }

    @Test
    void keepsOnlyTheNewestRowsUpToItsCapacity() {
        events.append(sample);
        events.append(List.of(row(5, "user-event", "", "", "a"), row(6, "user-event", "", "", "b")));

        assertThat(events.rows()).extracting(EventRow::seq).containsExactly(2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void exportsTheShownRowsAsCsvWithQuoting() throws IOException {
        events.append(List.of(row(7, "user-event", "", "", "say \"hi\", then go")));
        StringWriter out = new StringWriter();

        events.exportCsv(out);

        assertThat(out.toString()).isEqualTo("seq,time,kind,member,child,roles,details\r\n"
                + "7,2025-01-01T12:00:07Z,user-event,,,,\"say \"\"hi\"\", then go\"\r\n");
    }
}
