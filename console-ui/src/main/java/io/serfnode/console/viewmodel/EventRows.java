package io.serfnode.console.viewmodel;

import io.serfnode.console.state.EventRow;
import io.serfnode.console.state.EventRowRing;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The event table's rows: the newest up to a capacity, kept in an {@link EventRowRing} (columns, not row objects,
 * so the rows a storm brings do not weigh on the collector), changed a batch at a time: appending a pulse's rows
 * and dropping as many of the oldest is one change, so the filter and the table above it react once per pulse
 * rather than once for the dropped rows and again for the new ones. Dropping from the front costs nothing: over an
 * array list JavaFX's observable list removed a range one element at a time, shifting the whole table each time.
 */
final class EventRows extends ObservableListBase<EventRow> {
    private final EventRowRing rows;

    EventRows(int capacity) {
        this.rows = new EventRowRing(capacity);
    }

    @Override
    public EventRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Adds {@code added} at the end, oldest first, dropping the oldest rows beyond the capacity; one change. */
    void append(List<EventRow> added) {
        if (added.isEmpty()) {
            return;
        }
        int capacity = rows.capacity();
        List<EventRow> kept = added.size() > capacity ? added.subList(added.size() - capacity, added.size()) : added;
        int overflow = Math.max(0, rows.size() + kept.size() - capacity);
        beginChange();
        try {
            if (overflow > 0) {
                List<EventRow> dropped = new ArrayList<>(overflow);
                for (int i = 0; i < overflow; i++) {
                    dropped.add(rows.get(i));
                }
                nextRemove(0, dropped);
            }
            for (EventRow row : kept) {
                rows.add(row);
            }
            nextAdd(rows.size() - kept.size(), rows.size());
        } finally {
            endChange();
        }
    }

    /** Forgets every row; one change. */
    @Override
    public void clear() {
        if (rows.size() == 0) {
            return;
        }
        beginChange();
        try {
            List<EventRow> dropped = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                dropped.add(rows.get(i));
            }
            rows.clear();
            nextRemove(0, dropped);
        } finally {
            endChange();
        }
    }
}
