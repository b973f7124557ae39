package io.serfnode.bench.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends every agent the harness started when the harness exits, however it exits (also on Ctrl+C, which
 * runs the JVM's shutdown hooks). An agent registered after the hook ran is stopped at once.
 */
public final class ProcessReaper {
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final List<RunningAgent> agents = new ArrayList<>();
    private boolean closing;

    public static ProcessReaper installed() {
        ProcessReaper reaper = new ProcessReaper();
        Runtime.getRuntime().addShutdownHook(new Thread(reaper::stopAll, "agent-reaper"));
        return reaper;
    }

    /** Stops {@code agent} at exit; returns it. */
    public RunningAgent register(RunningAgent agent) throws InterruptedException {
        boolean late;
        synchronized (this) {
            late = closing;
            if (!late) {
                agents.add(agent);
            }
        }
        if (late) {
            agent.stop(GRACE);
            throw new InterruptedException("the harness is shutting down");
        }
        return agent;
    }

    /** Stops {@code agent} now and forgets it. */
    public boolean stop(RunningAgent agent) throws InterruptedException {
        boolean graceful = agent.stop(GRACE);
        synchronized (this) {
            agents.remove(agent);
        }
        return graceful;
    }

    private void stopAll() {
        List<RunningAgent> left;
        synchronized (this) {
            closing = true;
            left = List.copyOf(agents);
        }
        // newest first: the measured member leaves before the seed it joined
        for (RunningAgent agent : left.reversed()) {
            try {
                if (agent.isAlive()) {
                    System.err.println("agent-bench: stopping " + agent.name() + " (pid " + agent.pid() + ")");
                }
                // also when the agent has gone: its serf and children may not have
                agent.stop(GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
