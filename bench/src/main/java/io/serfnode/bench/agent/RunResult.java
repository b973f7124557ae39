package io.serfnode.bench.agent;

/**
 * What one start of the measured member gave.
 *
 * @param timeline          the milestones, read from its log
 * @param stateAllRunningMs when the last child became RUNNING by {@code children_by_name.json}, in ms after
 *                          the start (the agent's wall clock against the harness's)
 * @param jvm               the JVM's memory at the steady-state moment
 * @param serfRssKb         the resident set of its serf agent at that moment
 * @param stoppedCleanly    it stopped by itself on SIGTERM, leaving no process behind
 */
public record RunResult(StartTimeline timeline, double stateAllRunningMs, MemorySample jvm, long serfRssKb,
        boolean stoppedCleanly) {
}
