package io.serfnode.bench.agent;

/**
 * When the milestones of one member start were reached, in milliseconds after the harness started the
 * process.
 *
 * @param firstLogMs   the agent's first log line (the launcher and the JVM are up and the command runs),
 *                     or NaN when no log line came (see {@link LogMilestones})
 * @param firstFileMs  the first developer interface file appeared: serf runs and the agent has its view
 * @param joinedMs     {@code serfnodes_by_id.json} holds the seed member, alive
 * @param allRunningMs {@code children_by_name.json} shows every child RUNNING
 */
public record StartTimeline(double firstLogMs, double firstFileMs, double joinedMs, double allRunningMs) {

    /** Joined the seed and every child RUNNING: the figure the goal is about. */
    public double readyMs() {
        return Math.max(joinedMs, allRunningMs);
    }

    public StartTimeline withFirstLogMs(double firstLogMs) {
        return new StartTimeline(firstLogMs, firstFileMs, joinedMs, allRunningMs);
    }
}
