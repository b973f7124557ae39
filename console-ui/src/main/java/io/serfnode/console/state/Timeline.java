package io.serfnode.console.state;

import io.serfnode.model.SupervisorState;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A child's newest states, at most {@code limit} of them, oldest first. {@link #view()} is a snapshot that costs
 * no copy: marks are only ever appended behind the views handed out, and when the arrays are full the newest marks
 * move to fresh ones, so a view never changes. Under a storm every changed child's view is taken ten times a
 * second; copying a hundred marks each time was most of what the console kept alive between collections.
 *
 * <p>Marks are kept in columns of primitives rather than as objects: a storm adds tens of thousands of marks a
 * second and each lives through a hundred more transitions of its child, so as objects every one of them was
 * copied by the young collections and then promoted, only to die in the old generation. A view makes its
 * {@link StateMark}s when asked, and only the selected child's timeline is ever read.
 */
final class Timeline {
    private static final int FIRST_CAPACITY = 8;
    private static final SupervisorState[] STATES = SupervisorState.values();
    /** Set in a mark's state byte when the mark carries an exit code; the ordinal fits below it. */
    private static final int HAS_EXIT_CODE = 0x40;

    private final int limit;
    private Columns columns = new Columns(FIRST_CAPACITY);
    private int from;
    private int to;

    Timeline(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a timeline keeps at least one mark, asked for " + limit);
        }
        this.limit = limit;
    }

    void add(StateMark mark) {
        Objects.requireNonNull(mark, "mark");
        if (to == columns.capacity()) {
            int kept = to - from;
            columns = columns.copy(from, kept, Math.max(FIRST_CAPACITY, Math.min(2 * limit, 2 * kept)));
            from = 0;
            to = kept;
        }
        columns.set(to++, mark);
        if (to - from > limit) {
            from++;
        }
    }

    int size() {
        return to - from;
    }

    /** The marks now; later additions do not show in it. */
    List<StateMark> view() {
        return new Slice(columns, from, to);
    }

    /**
     * One array per field of a mark; a slot once written is never written again. A mark's state is its ordinal, with
     * {@link #HAS_EXIT_CODE} set when it carries an exit code: fewer bytes for the collector to copy per mark.
     */
    private record Columns(long[] seconds, int[] nanos, byte[] states, int[] exitCodes) {
        Columns(int capacity) {
            this(new long[capacity], new int[capacity], new byte[capacity], new int[capacity]);
        }

        int capacity() {
            return seconds.length;
        }

        void set(int slot, StateMark mark) {
            seconds[slot] = mark.time().getEpochSecond();
            nanos[slot] = mark.time().getNano();
            Integer exitCode = mark.exitCode();
            states[slot] = (byte) (mark.state().ordinal() | (exitCode == null ? 0 : HAS_EXIT_CODE));
            exitCodes[slot] = exitCode == null ? 0 : exitCode;
        }

        StateMark get(int slot) {
            int state = states[slot];
            return new StateMark(Instant.ofEpochSecond(seconds[slot], nanos[slot]), STATES[state & ~HAS_EXIT_CODE],
                    (state & HAS_EXIT_CODE) == 0 ? null : exitCodes[slot]);
        }

        Columns copy(int from, int count, int capacity) {
            Columns fresh = new Columns(capacity);
            System.arraycopy(seconds, from, fresh.seconds, 0, count);
            System.arraycopy(nanos, from, fresh.nanos, 0, count);
            System.arraycopy(states, from, fresh.states, 0, count);
            System.arraycopy(exitCodes, from, fresh.exitCodes, 0, count);
            return fresh;
        }
    }

    private static final class Slice extends AbstractList<StateMark> implements RandomAccess {
        private final Columns columns;
        private final int from;
        private final int to;

        Slice(Columns columns, int from, int to) {
            this.columns = columns;
            this.from = from;
            this.to = to;
        }

        @Override
        public StateMark get(int index) {
            Objects.checkIndex(index, to - from);
            return columns.get(from + index);
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
