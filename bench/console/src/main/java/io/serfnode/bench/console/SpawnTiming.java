package io.serfnode.bench.console;

import io.serfnode.model.RuntimeKind;

/**
 * One spawn, timed from the click (all times in ms after it; NaN when the step never came).
 *
 * @param runtime     the runtime asked for
 * @param run         1, 2, … within the runtime
 * @param member      the new member's name
 * @param handle      its pid or container id, from the {@code created} step; null when none came
 * @param requested   the spawner's {@code requested} step reached the console
 * @param created     its {@code created} step (process or container started) reached the console
 * @param agentLog    the new member's agent logged its first line (its JVM up, its configuration read)
 * @param serfRunning the new member's agent logged that its serf agent runs
 * @param joined      its {@code joined} step (the spawner sees the member alive) reached the console
 * @param result      the command's result reached the console
 * @param event       the new member's {@code member-join} event reached the console's session
 * @param inModel     the end of the first FX pulse at which the view model had the member alive
 * @param shown       the end of the first FX pulse at which the graph had drawn it alive: the measurement
 * @param loadAverage the machine's 1-minute load average at the click
 * @param outcome     the command's outcome ({@code ok}, or why not)
 */
record SpawnTiming(RuntimeKind runtime, int run, String member, SpawnedHandle handle, double requested,
                   double created, double agentLog, double serfRunning, double joined, double result, double event,
                   double inModel, double shown, double loadAverage, String outcome) {
}
