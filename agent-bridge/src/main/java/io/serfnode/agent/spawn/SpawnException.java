package io.serfnode.agent.spawn;

/**
 * A spawn that could not happen. {@link #refused()} tells a request refused before anything started (an unknown
 * template, a bad configuration, a runtime not available) from one that failed while trying.
 */
public final class SpawnException extends Exception {
    private final boolean refused;

    private SpawnException(String message, boolean refused, Throwable cause) {
        super(message, cause);
        this.refused = refused;
    }

    public static SpawnException refused(String message) {
        return new SpawnException(message, true, null);
    }

    public static SpawnException failed(String message, Throwable cause) {
        return new SpawnException(message, false, cause);
    }

    public boolean refused() {
        return refused;
    }
}
