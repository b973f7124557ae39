package io.serfnode.agent.serf.rpc;

import java.io.Closeable;

/** An open stream ({@code stream}, {@code monitor} or {@code query}); closing it sends {@code stop}. */
public interface SerfStream extends Closeable {

    /** The request's sequence number on the stream connection. */
    long seq();

    boolean isOpen();

    /** Stops the stream; idempotent and never throws. The callback then gets {@code onComplete}. */
    @Override
    void close();
}
