package io.serfnode.console.viewmodel;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The newest rows up to a capacity, over a {@link RingList}, changed a batch at a time: appending a pulse's rows
 * and dropping as many of the oldest is one change, so the filter and the table above it react once per pulse
 * rather than once for the dropped rows and again for the new ones.
 */
final class BoundedRows<E> extends ObservableListBase<E> {
    private final RingList<E> rows = new RingList<>();
    private final int capacity;

    BoundedRows(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("row capacity must be at least 1, found " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public E get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Adds {@code added} at the end, oldest first, dropping the oldest rows beyond the capacity; one change. */
    void append(List<? extends E> added) {
        if (added.isEmpty()) {
            return;
        }
        List<? extends E> kept = added.size() > capacity ? added.subList(added.size() - capacity, added.size())
                : added;
        int overflow = Math.max(0, rows.size() + kept.size() - capacity);
        beginChange();
        try {
            if (overflow > 0) {
                List<E> dropped = new ArrayList<>(overflow);
                for (int i = 0; i < overflow; i++) {
                    dropped.add(rows.remove(0));
                }
                nextRemove(0, dropped);
            }
            int from = rows.size();
            for (E row : kept) {
                rows.add(row);
            }
            nextAdd(from, rows.size());
        } finally {
            endChange();
        }
    }

    /** Forgets every row; one change. */
    @Override
    public void clear() {
        if (rows.isEmpty()) {
            return;
        }
        beginChange();
        try {
            List<E> dropped = new ArrayList<>(rows);
            rows.clear();
            nextRemove(0, dropped);
        } finally {
            endChange();
        }
    }
}
