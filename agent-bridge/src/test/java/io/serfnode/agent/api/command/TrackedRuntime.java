package io.serfnode.agent.api.command;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.ChildRuntime;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.model.RuntimeKind;
import java.util.List;

/** A real runtime whose started processes the test tracks, to end them by pid whatever happens. */
final class TrackedRuntime implements ChildRuntime {
    private final ChildRuntime real;
    private final TrackedProcesses processes;

    TrackedRuntime(ChildRuntime real, TrackedProcesses processes) {
        this.real = real;
        this.processes = processes;
    }

    @Override
    public RuntimeKind kind() {
        return real.kind();
    }

    @Override
    public RunningChild start(ChildSpec spec) throws ChildRuntimeException {
        RunningChild child = real.start(spec);
        child.pid().ifPresent(processes::track);
        return child;
    }

    @Override
    public List<RunningChild> findLeftovers(String member) throws ChildRuntimeException {
        return real.findLeftovers(member);
    }

    @Override
    public void close() {
        real.close();
    }
}
