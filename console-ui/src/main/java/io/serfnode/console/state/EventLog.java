package io.serfnode.console.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest event rows in a fixed ring, so ingesting stays cheap however long the console runs.
 * Rows are numbered by {@link #appended()} order, which lets readers ask for what is new since they last looked.
 */
public final class EventLog {
    private final EventRow[] ring;
    private int head;
    private int size;
    private long appended;

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event log capacity must be at least 1, found " + capacity);
        }
        ring = new EventRow[capacity];
    }

    public void append(EventRow row) {
        int slot = (head + size) % ring.length;
        ring[slot] = row;
        if (size < ring.length) {
            size++;
        } else {
            head = (head + 1) % ring.length;
        }
        appended++;
    }

    public void clear() {
        java.util.Arrays.fill(ring, null);
        head = 0;
        size = 0;
    }

    public int capacity() {
        return ring.length;
    }

    public int size() {
        return size;
    }

    /** How many rows were ever appended (also those the ring has since dropped). */
    public long appended() {
        return appended;
    }

    /** The row at {@code index}, 0 being the oldest still held. */
    public EventRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event log index " + index + " outside 0.." + (size - 1));
        }
        return ring[(head + index) % ring.length];
    }

    /** Rows appended after the first {@code appendedBefore} ones that are still held, oldest first. */
    public List<EventRow> since(long appendedBefore) {
        long missing = appended - Math.max(0, appendedBefore);
        int count = (int) Math.min(Math.max(missing, 0), size);
        List<EventRow> rows = new ArrayList<>(count);
        for (int i = size - count; i < size; i++) {
            rows.add(get(i));
        }
        return rows;
    }

    /** Every row held, oldest first. */
    public List<EventRow> all() {
        return since(appended - size);
    }
}
