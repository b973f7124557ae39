package io.serfnode.agent.runtime.docker;

import io.serfnode.agent.runtime.ChildExit;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One container of a child, started by this runtime or adopted from an earlier agent. */
public final class DockerRunningChild implements RunningChild {
    /** The exit code reported when the engine lost a container without saying how it ended. */
    public static final int UNKNOWN_EXIT_CODE = -1;

    /** What a running child asks of its runtime. */
    interface Control {
        void signal(DockerRunningChild child, String signal) throws ChildRuntimeException;

        void kill(DockerRunningChild child);

        void remove(DockerRunningChild child);
    }

    private final String childName;
    private final String containerId;
    private final String containerName;
    private final String specHash;
    private volatile long pid;
    private final boolean adopted;
    private final Control control;
    private final CompletableFuture<ChildExit> exit = new CompletableFuture<>();

    DockerRunningChild(String childName, String containerId, String containerName, String specHash,
            boolean adopted, Control control) {
        this.childName = Objects.requireNonNull(childName, "childName");
        this.containerId = Objects.requireNonNull(containerId, "containerId");
        this.containerName = Objects.requireNonNull(containerName, "containerName");
        this.specHash = specHash;
        this.adopted = adopted;
        this.control = Objects.requireNonNull(control, "control");
    }

    @Override
    public String childName() {
        return childName;
    }

    @Override
    public String id() {
        return containerId;
    }

    @Override
    public OptionalLong pid() {
        return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    @Override
    public Optional<String> containerId() {
        return Optional.of(containerId);
    }

    /** The container's name on the engine. */
    public String containerName() {
        return containerName;
    }

    /** The hash of the spec the container was created from (its label), or null when it has none. */
    public String specHash() {
        return specHash;
    }

    /** Whether an earlier agent started it and this runtime took it over. */
    public boolean adopted() {
        return adopted;
    }

    @Override
    public CompletionStage<ChildExit> onExit() {
        return exit.minimalCompletionStage();
    }

    /** Whether its exit was reported. */
    public boolean hasExited() {
        return exit.isDone();
    }

    @Override
    public void signal(String signal) throws ChildRuntimeException {
        control.signal(this, signal);
    }

    @Override
    public void kill() {
        control.kill(this);
    }

    @Override
    public void remove() {
        control.remove(this);
    }

    void pid(long value) {
        pid = value;
    }

    /** Reports the exit; later reports of the same exit are ignored. */
    boolean exited(ChildExit childExit) {
        return exit.complete(childExit);
    }

    @Override
    public String toString() {
        return "container " + containerName + " (" + containerId.substring(0, Math.min(12, containerId.length()))
                + ") of child " + childName;
    }
}
