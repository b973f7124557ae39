package io.serfnode.console.graph;

/**
 * Where a member's children sit around it, in world units relative to the member's centre: up to 12 on the first
 * orbit, 18 on the second, and so on, evenly spaced and starting at twelve o'clock.
 */
final class Satellites {
    static final double RADIUS = 3.2;
    static final double LOUD_RADIUS = 4.4;
    static final double FIRST_ORBIT = GraphLayout.MEMBER_RADIUS + 7;
    static final double ORBIT_STEP = 7;
    /** A child count whose satellites reach as far as any hit test needs to look for the nearest member. */
    static final int FIRST_ORBIT_CAPACITY_HINT = 12 + 18 + 24;
    private static final int FIRST_RING = 12;
    private static final int RING_GROWTH = 6;

    private Satellites() {
    }

    /** The orbit (0 = innermost) of child {@code index}. */
    static int ring(int index) {
        int ring = 0;
        int capacity = FIRST_RING;
        int start = 0;
        while (index >= start + capacity) {
            start += capacity;
            capacity += RING_GROWTH;
            ring++;
        }
        return ring;
    }

    static double orbit(int index) {
        return FIRST_ORBIT + ring(index) * ORBIT_STEP;
    }

    /** Angle in radians of child {@code index} of {@code count}. */
    static double angle(int index, int count) {
        int ring = 0;
        int capacity = FIRST_RING;
        int start = 0;
        while (index >= start + capacity) {
            start += capacity;
            capacity += RING_GROWTH;
            ring++;
        }
        int onRing = Math.min(capacity, count - start);
        return -Math.PI / 2 + 2 * Math.PI * (index - start) / onRing;
    }

    static double dx(int index, int count) {
        return orbit(index) * Math.cos(angle(index, count));
    }

    static double dy(int index, int count) {
        return orbit(index) * Math.sin(angle(index, count));
    }

    /** How far from a member's centre its satellites reach. */
    static double reach(int count) {
        return count == 0 ? GraphLayout.MEMBER_RADIUS : orbit(count - 1) + LOUD_RADIUS;
    }
}
