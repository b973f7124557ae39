package io.serfnode.agent.serf.process;

/** Starts serf agent processes. */
public interface SerfProcessManager {
    /**
     * Writes the agent's config file and starts {@code serf agent} on it. Returns as soon as the process runs; use
     * {@link SerfAgentProcess#awaitReady} to wait until it answers.
     *
     * @throws SerfStartupException when the binary is missing or the process cannot be started
     */
    SerfAgentProcess start(SerfAgentConfig config);
}
