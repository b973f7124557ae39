package io.serfnode.agent.serf.rpc;

/** Base of every failure reported by the Serf RPC client. */
public class SerfRpcException extends RuntimeException {
    public SerfRpcException(String message) {
        super(message);
    }

    public SerfRpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
