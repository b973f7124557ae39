package io.serfnode.agent.serf.rpc;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.msgpack.core.MessageUnpacker;

/**
 * A request waiting for its single reply. It stays registered after its caller gave up waiting,
 * so that a late reply (and its body) is still consumed in step.
 */
final class PendingCall<T> implements SeqHandler {
    private final RpcCommand command;
    private final BodyReader<T> body;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    PendingCall(RpcCommand command, BodyReader<T> body) {
        this.command = command;
        this.body = body;
    }

    CompletableFuture<T> result() {
        return result;
    }

    @Override
    public boolean onHeader(ResponseHeader header, MessageUnpacker in) throws IOException {
        T value = body != null && command.bodyFollows(header.error()) ? body.read(in) : null;
        if (!header.failed()) {
            result.complete(value);
        } else if ("Invalid authentication token".equals(header.error())
                || "Authentication required".equals(header.error())) {
            result.completeExceptionally(new SerfAuthenticationException(command.wireName(), header.error()));
        } else {
            result.completeExceptionally(new SerfCommandException(command.wireName(), header.error(), value));
        }
        return true;
    }

    @Override
    public void onConnectionEnd(SerfConnectionLostException cause, boolean deliberate) {
        result.completeExceptionally(cause);
    }
}
