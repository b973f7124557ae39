package io.serfnode.agent.runtime;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/** One started instance of a child. */
public interface RunningChild {

    /** The child's name in {@code serfnode.yml}. */
    String childName();

    /** The runtime's identifier: a process id or a container id. */
    String id();

    /** The operating-system process id, when the runtime knows it. */
    OptionalLong pid();

    /** The container id, for Docker children. */
    Optional<String> containerId();

    /** Completes once, when the instance has exited, whoever caused it. */
    CompletionStage<ChildExit> onExit();

    /** Sends a signal by name (TERM, INT, QUIT, HUP, KILL, USR1, USR2) to the instance (its whole process tree). */
    void signal(String signal) throws ChildRuntimeException;

    /** Kills the instance and everything it started, at once. */
    void kill();

    /** Removes what the runtime keeps of an exited instance (Docker: the container). */
    void remove();
}
