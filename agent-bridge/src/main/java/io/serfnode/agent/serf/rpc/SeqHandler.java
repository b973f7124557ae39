package io.serfnode.agent.serf.rpc;

import java.io.IOException;
import org.msgpack.core.MessageUnpacker;

/** Whoever waits for replies under one seq on one connection. Called on the connection's reader thread. */
interface SeqHandler {

    /**
     * Handles one header for this seq and consumes exactly the body that follows it, if any.
     *
     * @return true when no more replies are expected under this seq
     */
    boolean onHeader(ResponseHeader header, MessageUnpacker in) throws IOException;

    /**
     * The connection ended. {@code deliberate} when the client was closed on purpose: streams then
     * complete instead of failing.
     */
    void onConnectionEnd(SerfConnectionLostException cause, boolean deliberate);
}
