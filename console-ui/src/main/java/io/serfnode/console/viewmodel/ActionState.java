package io.serfnode.console.viewmodel;

/**
 * Where the last operator action stands, in words for the detail pane.
 *
 * @param phase   idle, running, succeeded or failed
 * @param message what is happening or how it ended; empty when idle
 */
public record ActionState(Phase phase, String message) {
    public static final ActionState IDLE = new ActionState(Phase.IDLE, "");

    /** The life of one action. */
    public enum Phase { IDLE, RUNNING, SUCCEEDED, FAILED }

    public boolean isRunning() {
        return phase == Phase.RUNNING;
    }
}
