package io.serfnode.agent.serf.process;

/** Told once when a serf agent process ends, e.g. to restart an agent that died unexpectedly. */
@FunctionalInterface
public interface SerfExitListener {
    void onExit(SerfAgentProcess process, SerfExit exit);
}
