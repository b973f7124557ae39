package io.serfnode.agent.serf.process;

/**
 * How a serf agent process ended.
 *
 * @param pid      the process that ended
 * @param exitCode its exit code; 128 + n when signal n ended it (137 after SIGKILL)
 * @param expected {@code true} when we asked it to stop (stop, kill or close), {@code false} when it died on its own
 *                 or something else ended it
 */
public record SerfExit(long pid, int exitCode, boolean expected) {
}
