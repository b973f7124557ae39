package io.serfnode.agent.serf.rpc;

import io.serfnode.agent.support.ComponentLog;
import java.io.Closeable;

/**
 * Drops the acks and responses serf sends without a sender. Serf's query stream keeps reading its ack and
 * response channels after the query's deadline has closed them, and until its own end-of-query timer
 * wins the race it sends one empty {@code ack} or {@code response} after another — up to hundreds. A real
 * member always has a name, so a record without one carries nothing.
 */
final class SenderlessQueryRecords implements StreamCallback<QueryRecord> {
    private final StreamCallback<QueryRecord> callback;
    private final ComponentLog log;
    private int dropped;

    SenderlessQueryRecords(StreamCallback<QueryRecord> callback, ComponentLog log) {
        this.callback = callback;
        this.log = log;
    }

    @Override
    public void onStart(Closeable stream) {
        callback.onStart(stream);
    }

    @Override
    public void onNext(QueryRecord record) {
        boolean senderless = switch (record) {
            case QueryRecord.Ack ack -> ack.from() == null || ack.from().isEmpty();
            case QueryRecord.Response response -> response.from() == null || response.from().isEmpty();
            case QueryRecord.Done done -> false;
        };
        if (senderless) {
            dropped++;
            return;
        }
        callback.onNext(record);
    }

    @Override
    public void onError(Throwable error) {
        callback.onError(error);
    }

    @Override
    public void onComplete() {
        if (dropped > 0) {
            log.debug("dropped %d query records without a sender (serf sends them after a query's deadline)",
                    dropped);
        }
        callback.onComplete();
    }
}
