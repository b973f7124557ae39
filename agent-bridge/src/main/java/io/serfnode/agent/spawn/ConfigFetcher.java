package io.serfnode.agent.spawn;

/** Fetches another member's own configuration over the cluster. */
public interface ConfigFetcher {

    /**
     * The configuration {@code member} runs with.
     *
     * @throws SpawnException (failed) when the member does not answer or answers something unreadable
     */
    MemberConfiguration fetch(String member) throws SpawnException, InterruptedException;
}
