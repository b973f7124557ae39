package io.serfnode.agent.supervisor;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.ChildRuntime;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.model.RuntimeKind;
import java.util.Collection;
import java.util.List;

/** Passes everything to a real runtime and tracks each started process, so the test can end it by pid. */
public final class TrackingRuntime implements ChildRuntime {
    private final ChildRuntime real;
    private final TrackedProcesses processes;

    public TrackingRuntime(ChildRuntime real, TrackedProcesses processes) {
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
    public List<? extends RunningChild> findLeftovers(String member, Collection<ChildSpec> wanted)
            throws ChildRuntimeException {
        return real.findLeftovers(member, wanted);
    }

    @Override
    public void close() {
        real.close();
    }
}
