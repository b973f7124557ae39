package io.serfnode.agent.serf.rpc;

/**
 * The connection to the agent is gone (the agent stopped, was killed, or the client was closed).
 * Every pending call and open stream of the client fails with it; the client cannot be used again.
 */
public final class SerfConnectionLostException extends SerfRpcException {
    public SerfConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
