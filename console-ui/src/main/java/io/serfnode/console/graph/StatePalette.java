package io.serfnode.console.graph;

import io.serfnode.model.SupervisorState;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * Colours of children's supervisor states. Calm states are muted; FATAL and BACKOFF are saturated and, in the
 * view, also drawn larger with a ring, so they stand out without relying on colour alone.
 */
public final class StatePalette {
    private static final Map<SupervisorState, Color> COLOURS = new EnumMap<>(SupervisorState.class);

    static {
        COLOURS.put(SupervisorState.RUNNING, Color.web("#2E9E5B"));
        COLOURS.put(SupervisorState.STARTING, Color.web("#5DA5DA"));
        COLOURS.put(SupervisorState.STOPPING, Color.web("#9BA8B5"));
        COLOURS.put(SupervisorState.STOPPED, Color.web("#7A7A7A"));
        COLOURS.put(SupervisorState.EXITED, Color.web("#B8860B"));
        COLOURS.put(SupervisorState.BACKOFF, Color.web("#FF8C00"));
        COLOURS.put(SupervisorState.FATAL, Color.web("#E0182D"));
        COLOURS.put(SupervisorState.UNKNOWN, Color.web("#A58BC4"));
    }

    private StatePalette() {
    }

    public static Color colourOf(SupervisorState state) {
        return COLOURS.get(state == null ? SupervisorState.UNKNOWN : state);
    }

    /** States an operator must notice at a glance. */
    public static boolean standsOut(SupervisorState state) {
        return state == SupervisorState.FATAL || state == SupervisorState.BACKOFF;
    }
}
