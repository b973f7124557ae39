package io.serfnode.agent.serf.rpc;

import java.io.IOException;
import org.msgpack.core.MessagePacker;

/** Writes one request body. */
@FunctionalInterface
interface BodyWriter {
    void write(MessagePacker out) throws IOException;
}
