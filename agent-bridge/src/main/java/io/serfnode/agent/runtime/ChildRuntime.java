package io.serfnode.agent.runtime;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.model.RuntimeKind;
import java.util.Collection;
import java.util.List;

/**
 * Starts and stops instances of a member's children. Implementations: Docker (docker-java) and plain
 * processes. A runtime knows nothing of supervision rules: it reports exits, the supervisor decides.
 */
public interface ChildRuntime extends AutoCloseable {

    RuntimeKind kind();

    /**
     * Starts a new instance of {@code spec}. Returns once the runtime reports it started; its exit is
     * reported through {@link RunningChild#onExit()}.
     *
     * @throws ChildRuntimeException when it cannot be started (missing image or program, engine down …),
     *                               with a message an operator can act on
     */
    RunningChild start(ChildSpec spec) throws ChildRuntimeException;

    /**
     * Instances that an earlier agent of {@code member} left running (found by their labels or records),
     * so a restarted agent can adopt them instead of starting duplicates. Instances of children that
     * {@code wanted} no longer has, or whose specification changed since they started, are ended rather
     * than adopted: a restarted member runs what its configuration says now. Empty when the runtime cannot
     * outlive its agent.
     *
     * @param wanted the member's children as configured now
     */
    List<? extends RunningChild> findLeftovers(String member, Collection<ChildSpec> wanted)
            throws ChildRuntimeException;

    @Override
    void close();
}
