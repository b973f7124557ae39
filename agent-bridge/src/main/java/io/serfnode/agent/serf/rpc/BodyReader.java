package io.serfnode.agent.serf.rpc;

import java.io.IOException;
import org.msgpack.core.MessageUnpacker;

/** Reads one reply body or stream record, consuming exactly that value. */
@FunctionalInterface
interface BodyReader<T> {
    T read(MessageUnpacker in) throws IOException;
}
