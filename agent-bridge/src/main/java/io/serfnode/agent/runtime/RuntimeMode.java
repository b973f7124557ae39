package io.serfnode.agent.runtime;

/** Which runtime runs a member's children ({@code --runtime}). */
public enum RuntimeMode {
    /** Docker children through the Docker engine; process children as processes. */
    DOCKER,
    /** Only process children; a Docker child is a configuration error. */
    PROCESS,
    /** Docker when an engine answers, else processes only (the embedded default). */
    AUTO
}
