package io.serfnode.agent.serf.process;

import java.time.Duration;
import java.util.List;

/**
 * One running {@code serf agent}. Closing it stops it gracefully (the member leaves the cluster), killing it after
 * the configured close timeout.
 */
public interface SerfAgentProcess extends AutoCloseable {
    SerfAgentConfig config();

    long pid();

    boolean isAlive();

    /**
     * Waits until serf reports a complete startup (RPC listener up, {@code start_join} done) and the readiness probe
     * answers.
     *
     * @throws SerfStartupException with serf's output when the process exits first or the timeout passes
     *                              (the process is left as it is: close it)
     */
    void awaitReady(Duration timeout) throws InterruptedException;

    /**
     * Makes serf leave the cluster and exit, so that other members see it as {@code left}; kills it when it has
     * not exited within {@code timeout} (then others see it as {@code failed}). Returns at once if it already ended.
     */
    SerfExit stopGracefully(Duration timeout) throws InterruptedException;

    /** SIGKILL: serf cannot leave, so other members see it as {@code failed}. */
    SerfExit kill() throws InterruptedException;

    /**
     * Calls {@code listener} once when the process ends (at once if it already has), after its last output line
     * was read: on the thread that watches the process, or on the caller's thread if it already ended.
     */
    void onExit(SerfExitListener listener);

    /** Serf's most recent output lines (stdout and stderr interleaved), oldest first. */
    List<String> recentOutput();

    /** Graceful stop with the launch settings' close timeout, then kill. */
    @Override
    void close();
}
