package io.serfnode.console.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest event rows in a fixed ring ({@link EventRowRing}), so ingesting stays cheap however long the console
 * runs. Rows are numbered by {@link #appended()} order, which lets readers ask for what is new since they last
 * looked.
 */
public final class EventLog {
    private final EventRowRing ring;
    private long appended;

    public EventLog(int capacity) {
        ring = new EventRowRing(capacity);
    }

    public void append(EventRow row) {
        ring.add(row);
        appended++;
    }

    public void clear() {
        ring.clear();
    }

    public int capacity() {
        return ring.capacity();
    }

    public int size() {
        return ring.size();
    }

    /** How many rows were ever appended (also those the ring has since dropped). */
    public long appended() {
        return appended;
    }

    /** The row at {@code index}, 0 being the oldest still held. */
    public EventRow get(int index) {
        if (index < 0 || index >= ring.size()) {
            throw new IndexOutOfBoundsException("event log index " + index + " outside 0.." + (ring.size() - 1));
        }
        return ring.get(index);
    }

    /** Rows appended after the first {@code appendedBefore} ones that are still held, oldest first. */
    public List<EventRow> since(long appendedBefore) {
        long missing = appended - Math.max(0, appendedBefore);
        int size = ring.size();
        int count = (int) Math.min(Math.max(missing, 0), size);
        List<EventRow> rows = new ArrayList<>(count);
        for (int i = size - count; i < size; i++) {
            rows.add(ring.get(i));
        }
        return rows;
    }

    /** Every row held, oldest first. */
    public List<EventRow> all() {
        return since(appended - ring.size());
    }
}
