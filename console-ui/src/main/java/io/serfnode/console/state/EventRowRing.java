package io.serfnode.console.state;

import java.time.Instant;
import java.util.Objects;

/**
 * The newest event rows up to a capacity, oldest first; adding to a full ring drops its oldest row. Rows are kept
 * in columns, one array per field, and made again when read: under a storm tens of thousands of rows a second
 * live for the few seconds the table holds them, and as objects each one (and its {@link Instant}) was copied by
 * the young collections and then promoted, a fifth of what the collector copied. The columns hold only
 * references to names and texts the rows share with the cluster state, and primitives.
 */
public final class EventRowRing {
    private static final int FIRST_CAPACITY = 1024;
    /** The seconds kept for a row without a time: no {@link Instant} has them. */
    private static final long NO_TIME = Long.MIN_VALUE;

    private final int capacity;
    private Columns columns;
    private int head;
    private int size;

    public EventRowRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event row capacity must be at least 1, found " + capacity);
        }
        this.capacity = capacity;
        this.columns = new Columns(Math.min(capacity, FIRST_CAPACITY));
    }

    /** Adds a row after the newest, dropping the oldest when the ring is full. */
    public void add(EventRow row) {
        Objects.requireNonNull(row, "row");
        if (size == columns.length() && size < capacity) {
            grow();
        }
        int slot;
        if (size == capacity) {
            slot = head;
            head = next(head);
        } else {
            slot = (head + size) % columns.length();
            size++;
        }
        columns.set(slot, row);
    }

    /** The row at {@code index}, 0 being the oldest held. */
    public EventRow get(int index) {
        Objects.checkIndex(index, size);
        return columns.get((head + index) % columns.length());
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Forgets every row, and the memory they took. */
    public void clear() {
        columns = new Columns(Math.min(capacity, FIRST_CAPACITY));
        head = 0;
        size = 0;
    }

    private int next(int slot) {
        return slot + 1 == columns.length() ? 0 : slot + 1;
    }

    private void grow() {
        Columns bigger = new Columns((int) Math.min(capacity, 2L * columns.length()));
        for (int i = 0; i < size; i++) {
            bigger.copy(i, columns, (head + i) % columns.length());
        }
        columns = bigger;
        head = 0;
    }

    private record Columns(long[] seqs, long[] seconds, int[] nanos, String[] kinds, String[] members,
                           String[] children, String[] roles, String[] details) {
        Columns(int length) {
            this(new long[length], new long[length], new int[length], new String[length], new String[length],
                    new String[length], new String[length], new String[length]);
        }

        int length() {
            return seqs.length;
        }

        void set(int slot, EventRow row) {
            seqs[slot] = row.seq();
            Instant time = row.time();
            seconds[slot] = time == null ? NO_TIME : time.getEpochSecond();
            nanos[slot] = time == null ? 0 : time.getNano();
            kinds[slot] = row.kind();
            members[slot] = row.member();
            children[slot] = row.child();
            roles[slot] = row.roles();
            details[slot] = row.details();
        }

        EventRow get(int slot) {
            Instant time = seconds[slot] == NO_TIME ? null : Instant.ofEpochSecond(seconds[slot], nanos[slot]);
            return new EventRow(seqs[slot], time, kinds[slot], members[slot], children[slot], roles[slot],
                    details[slot]);
        }

        void copy(int slot, Columns from, int fromSlot) {
            seqs[slot] = from.seqs[fromSlot];
            seconds[slot] = from.seconds[fromSlot];
            nanos[slot] = from.nanos[fromSlot];
            kinds[slot] = from.kinds[fromSlot];
            members[slot] = from.members[fromSlot];
            children[slot] = from.children[fromSlot];
            roles[slot] = from.roles[fromSlot];
            details[slot] = from.details[fromSlot];
        }
    }
}
