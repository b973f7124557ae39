package io.serfnode.agent.serf.rpc;

import java.io.Closeable;
import java.io.IOException;

/**
 * The callback of a query this member started, which can stop the query before serf ends it: once the
 * answers it waits for are in, or when waiting is over. Serf ending the query first makes stopping a no-op,
 * so serf is not asked to stop a stream it has already closed.
 */
public abstract class QueryCallback implements StreamCallback<QueryRecord> {
    private volatile Closeable stream;
    private volatile boolean ended;

    @Override
    public final void onStart(Closeable query) {
        stream = query;
    }

    @Override
    public final void onError(Throwable error) {
        ended = true;
        brokenOff(error);
    }

    @Override
    public final void onComplete() {
        ended = true;
        ended();
    }

    /** The query's stream broke (its connection was lost); nothing more comes. */
    protected abstract void brokenOff(Throwable error);

    /** Serf ended the query (its timeout passed) or it was stopped; nothing more comes. */
    protected abstract void ended();

    /** Stops the query unless serf ended it already. */
    public final void stop() {
        Closeable query = stream;
        if (query == null || ended) {
            return;
        }
        try {
            query.close();
        } catch (IOException e) {
            // a subscription only asks serf to stop and does not wait for it: there is nothing to fail here
        }
    }
}
