package io.serfnode.agent.serf.rpc;

/** The agent did not answer a command within the configured command timeout. */
public final class SerfRpcTimeoutException extends SerfRpcException {
    public SerfRpcTimeoutException(String message) {
        super(message);
    }
}
