package io.serfnode.agent.member;

import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.agent.supervisor.TransitionCallback;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.SupervisorStateChanged;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The member agents of one test, each on a fresh loopback address of its own. However the test ends, every
 * agent is closed, and every serf and child process seen is then ended by its pid (only while the pid still
 * names that process).
 */
public final class MemberAgents implements AutoCloseable {
    private final ComponentLog log = ComponentLog.of("test", "member-agents");
    private final SerfTestCluster addresses;
    private final List<MemberAgent> agents = new CopyOnWriteArrayList<>();
    private final TrackedProcesses processes = new TrackedProcesses();

    /** @param addresses hands out loopback addresses with free ports (its own agents are its to end) */
    public MemberAgents(SerfTestCluster addresses) {
        this.addresses = addresses;
    }

    /** A member on a fresh 127.x address, with the local profile and a quick membership reconcile. */
    public MemberAgentConfig config(String name, Path stateDir) {
        SerfAgentConfig serf = addresses.newConfig(name);
        return MemberAgentConfig.local(name, serf.bind(), serf.rpcAddress(), stateDir)
                .withReconcileInterval(Duration.ofSeconds(2));
    }

    /** An agent not started yet, so that a test can subscribe to it first; ended with the others. */
    public MemberAgent create(MemberAgentConfig config) {
        MemberAgent agent = new MemberAgent(config);
        agents.add(agent);
        agent.supervisor().subscribe(new TransitionCallback() {
            @Override
            public void onNext(SupervisorStateChanged event) {
                // a child's pid is known once it runs; an instance that exits sooner is already gone
                agent.supervisor().snapshot().stream()
                        .filter(child -> child.child().name().equals(event.child()))
                        .map(SupervisedChild::status)
                        .filter(status -> status.pid() != null)
                        .forEach(status -> processes.track(status.pid()));
            }
        });
        return agent;
    }

    /** Starts {@code agent} and remembers its serf's pid. */
    public MemberAgent start(MemberAgent agent) throws InterruptedException {
        agent.start();
        trackSerfOf(agent);
        return agent;
    }

    public MemberAgent start(MemberAgentConfig config) throws InterruptedException {
        return start(create(config));
    }

    /** Remembers the pid of the serf {@code agent} runs now (call again after serf was restarted). */
    public void trackSerfOf(MemberAgent agent) {
        agent.serf().process().ifPresent(serf -> processes.track(serf.pid()));
    }

    public void track(long pid) {
        processes.track(pid);
    }

    @Override
    public void close() {
        for (MemberAgent agent : agents) {
            agent.supervisor().snapshot().stream()
                    .map(SupervisedChild::status)
                    .filter(status -> status.pid() != null)
                    .forEach(status -> processes.track(status.pid()));
            try {
                agent.close();
            } catch (RuntimeException e) {
                log.warn(e, "closing member %s failed; its processes are ended by pid", agent.name());
            }
        }
        agents.clear();
        processes.close();
    }
}
