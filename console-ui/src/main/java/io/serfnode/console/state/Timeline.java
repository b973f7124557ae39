package io.serfnode.console.state;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A child's newest states, at most {@code limit} of them, oldest first. {@link #view()} is a snapshot that costs
 * no copy: marks are only ever appended behind the views handed out, and when the array is full the newest marks
 * move to a fresh one, so a view never changes. Under a storm every changed child's view is taken ten times a
 * second; copying a hundred marks each time was most of what the console kept alive between collections.
 */
final class Timeline {
    private static final int FIRST_CAPACITY = 8;

    private final int limit;
    private StateMark[] marks = new StateMark[FIRST_CAPACITY];
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
        if (to == marks.length) {
            int kept = to - from;
            StateMark[] fresh = new StateMark[Math.max(FIRST_CAPACITY, Math.min(2 * limit, 2 * kept))];
            System.arraycopy(marks, from, fresh, 0, kept);
            marks = fresh;
            from = 0;
            to = kept;
        }
        marks[to++] = mark;
        if (to - from > limit) {
            from++;
        }
    }

    int size() {
        return to - from;
    }

    /** The marks now; later additions do not show in it. */
    List<StateMark> view() {
        return new Slice(marks, from, to);
    }

    private static final class Slice extends AbstractList<StateMark> implements RandomAccess {
        private final StateMark[] marks;
        private final int from;
        private final int to;

        Slice(StateMark[] marks, int from, int to) {
            this.marks = marks;
            this.from = from;
            this.to = to;
        }

        @Override
        public StateMark get(int index) {
            Objects.checkIndex(index, to - from);
            return marks[from + index];
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
