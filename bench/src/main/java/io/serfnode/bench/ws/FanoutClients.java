package io.serfnode.bench.ws;

import java.time.Duration;
import java.util.List;

/** The clients of one fan-out run, wherever they run: subscribed to the stream, then read to the end. */
interface FanoutClients extends AutoCloseable {

    /** Returns once every client has its snapshot; throws if that takes longer than {@code timeout}. */
    void awaitSubscribed(Duration timeout) throws InterruptedException;

    /** Each client's result once every one saw the last event, or whatever they have after {@code timeout}. */
    List<FanoutReader.Result> results(Duration timeout) throws InterruptedException;

    /** The process the clients run in, when it is not this one. */
    default java.util.Optional<ProcessHandle> process() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
