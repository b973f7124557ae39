package io.serfnode.agent.runtime.process;

import io.serfnode.agent.runtime.ChildExit;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import io.serfnode.agent.support.ComponentLog;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One running process of a child; its pid is also the id of its process group. */
final class ProcessChild implements RunningChild {
    private final String childName;
    private final long pid;
    private final ProcessGroups groups;
    private final ComponentLog log;
    private final CompletableFuture<ChildExit> exit = new CompletableFuture<>();

    ProcessChild(String childName, long pid, ProcessGroups groups, ComponentLog log) {
        this.childName = childName;
        this.pid = pid;
        this.groups = groups;
        this.log = log;
    }

    @Override
    public String childName() {
        return childName;
    }

    @Override
    public String id() {
        return Long.toString(pid);
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(pid);
    }

    @Override
    public Optional<String> containerId() {
        return Optional.empty();
    }

    @Override
    public CompletionStage<ChildExit> onExit() {
        return exit.copy();
    }

    @Override
    public void signal(String signal) throws ChildRuntimeException {
        UnixSignal parsed;
        try {
            parsed = UnixSignal.parse(signal);
        } catch (IllegalArgumentException e) {
            throw new ChildRuntimeException("child '" + childName + "': " + e.getMessage(), e);
        }
        if (exit.isDone()) {
            throw new ChildRuntimeException("child '" + childName + "' (pid " + pid + ") has already exited");
        }
        try {
            if (!groups.signal(pid, parsed)) {
                throw new ChildRuntimeException("child '" + childName + "': no process is left in its group "
                        + pid + " to send " + parsed + " to");
            }
        } catch (IOException e) {
            throw new ChildRuntimeException("child '" + childName + "': could not send " + parsed + " to "
                    + "process group " + pid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void kill() {
        if (exit.isDone()) {
            return; // the runtime already ended what was left of the group when the leader exited
        }
        killGroup();
    }

    @Override
    public void remove() {
        // logs are kept for the operator; nothing else remains of an exited process
    }

    void killGroup() {
        try {
            groups.signal(pid, UnixSignal.KILL);
        } catch (IOException e) {
            log.warn(e, "could not kill process group %d of child '%s'", pid, childName);
        }
    }

    void exited(ChildExit value) {
        exit.complete(value);
    }

    boolean hasExited() {
        return exit.isDone();
    }

    CompletableFuture<ChildExit> exitFuture() {
        return exit;
    }

    @Override
    public String toString() {
        return "process " + pid + " of child '" + childName + "'";
    }
}
