/**
 * A harness that measures how fast a member agent with process children starts and how much memory its
 * JVM holds: it runs a seed member, then starts the measured member again and again, joining the seed,
 * under several JVM flag profiles. Run it with {@code bench/agent/run} (see {@code docs/benchmarks.md}).
 *
 * <p>Start time is taken from the agent's own log lines (read from its standard error as they are
 * written), and checked afterwards against the member's {@code children_by_name.json}. Memory comes from
 * {@code /proc/<pid>/status}.
 */
package io.serfnode.bench.agent;
