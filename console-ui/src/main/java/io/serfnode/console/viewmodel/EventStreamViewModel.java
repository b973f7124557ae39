package io.serfnode.console.viewmodel;

import io.serfnode.console.state.EventRow;
import io.serfnode.model.event.CommandAudit;
import io.serfnode.model.event.MemberFailed;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.event.MemberLeft;
import io.serfnode.model.event.MemberReaped;
import io.serfnode.model.event.MemberUpdated;
import io.serfnode.model.event.QueryEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The event stream as a table: every row the session delivered (up to a bound), filtered by kind, role,
 * member and free text; paused rows wait and are shown on resume; the shown rows export as CSV.
 */
public final class EventStreamViewModel {
    /** Every event kind of the protocol, in the order an operator thinks of them. */
    public static final List<String> KINDS = List.of(SupervisorStateChanged.KIND, MemberJoined.KIND, MemberLeft.KIND,
            MemberFailed.KIND, MemberUpdated.KIND, MemberReaped.KIND, UserEvent.KIND, QueryEvent.KIND, CommandAudit.KIND);

    private final int capacity;
    // oldest rows leave from the front as new ones arrive: a ring keeps that from shifting the whole table, and
    // each pulse's rows arrive as one change
    private final EventRows all;
    private final FilteredList<EventRow> shown;
    private final List<EventRow> held = new ArrayList<>();

    private final ObjectProperty<String> kindFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> roleFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> memberFilter = new SimpleObjectProperty<>();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper heldCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(0);
    private final ObservableList<String> roles = FXCollections.observableArrayList();
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final ObservableList<String> rolesView = FXCollections.unmodifiableObservableList(roles);
    private final ObservableList<String> membersView = FXCollections.unmodifiableObservableList(members);

    public EventStreamViewModel(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event table capacity must be at least 1, found " + capacity);
        }
        this.capacity = capacity;
        this.all = new EventRows(capacity);
        this.shown = new FilteredList<>(all);
        kindFilter.addListener((o, a, b) -> refilter());
        roleFilter.addListener((o, a, b) -> refilter());
        memberFilter.addListener((o, a, b) -> refilter());
        searchText.addListener((o, a, b) -> refilter());
        shown.addListener((javafx.collections.ListChangeListener<EventRow>) c -> shownCount.set(shown.size()));
    }

    /** New rows from the stream, oldest first; held back while paused. */
    public void append(List<EventRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (paused.get()) {
            held.addAll(rows);
            int overflow = held.size() - capacity;
            if (overflow > 0) {
                held.subList(0, overflow).clear();
            }
            heldCount.set(held.size());
            return;
        }
        addBounded(rows);
    }

    /** Forgets every row (a new connection starts a new stream). */
    public void clear() {
        all.clear();
        held.clear();
        heldCount.set(0);
    }

    public void pause() {
        paused.set(true);
    }

    /** Shows the rows that arrived while paused, then follows the stream again. */
    public void resume() {
        paused.set(false);
        List<EventRow> waiting = new ArrayList<>(held);
        held.clear();
        heldCount.set(0);
        addBounded(waiting);
    }

    public void togglePause() {
        if (paused.get()) {
            resume();
        } else {
            pause();
        }
    }

    /** Drops every filter and the search text. */
    public void clearFilters() {
        kindFilter.set(null);
        roleFilter.set(null);
        memberFilter.set(null);
        searchText.set("");
    }

    /** The roles and members the filters offer. */
    public void offerChoices(List<String> roleChoices, List<String> memberChoices) {
        if (!roles.equals(roleChoices)) {
            roles.setAll(roleChoices);
        }
        if (!members.equals(memberChoices)) {
            members.setAll(memberChoices);
        }
    }

    /** Writes the shown rows as CSV (RFC 4180, header first). */
    public void exportCsv(Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row("seq", "time", "kind", "member", "child", "roles", "details");
        for (EventRow row : List.copyOf(shown)) {
            csv.row(Long.toString(row.seq()), row.time().toString(), row.kind(), row.member(), row.child(), row.roles(),
                    row.details());
        }
        out.flush();
    }

    public void exportCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            exportCsv(out);
        }
    }

    private void addBounded(List<EventRow> rows) {
        all.append(rows);
    }

    private void refilter() {
        String kind = kindFilter.get();
        String role = roleFilter.get();
        String member = memberFilter.get();
        String text = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        Predicate<EventRow> predicate = row -> (kind == null || row.kind().equals(kind))
                && (role == null || row.hasRole(role))
                && (member == null || row.member().equals(member))
                && (text.isEmpty() || row.mentions(text));
        boolean none = kind == null && role == null && member == null && text.isEmpty();
        shown.setPredicate(none ? null : predicate);
        shownCount.set(shown.size());
    }

    /** The rows that pass the filters, oldest first. */
    public ObservableList<EventRow> rows() {
        return shown;
    }

    /** How many rows are held in all (shown or filtered out). */
    public int totalRows() {
        return all.size();
    }

    public ObjectProperty<String> kindFilterProperty() {
        return kindFilter;
    }

    public ObjectProperty<String> roleFilterProperty() {
        return roleFilter;
    }

    public ObjectProperty<String> memberFilterProperty() {
        return memberFilter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Whether the table keeps the newest row in view. */
    public BooleanProperty followProperty() {
        return follow;
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty heldCountProperty() {
        return heldCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ObservableList<String> roleChoices() {
        return rolesView;
    }

    public ObservableList<String> memberChoices() {
        return membersView;
    }
}
