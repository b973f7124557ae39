package io.serfnode.agent.serf.rpc;

/** The agent refused the RPC auth key (or requires one and none was configured). */
public final class SerfAuthenticationException extends SerfCommandException {
    public SerfAuthenticationException(String command, String serfError) {
        super(command, serfError, null);
    }
}
