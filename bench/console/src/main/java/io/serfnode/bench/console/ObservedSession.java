package io.serfnode.bench.console;

import io.serfnode.console.session.ClusterSession;
import io.serfnode.console.session.CommandListener;
import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.SessionListener;
import io.serfnode.console.session.SessionUpdate;
import io.serfnode.model.command.Command;
import java.io.Closeable;

/**
 * The console's real session with an observer in front of the view model: each update is shown to
 * {@link #observe} on the session's thread, then passed on unchanged; commands go straight through unless a
 * subclass watches them too.
 */
abstract class ObservedSession implements ClusterSession {
    private final ClusterSession delegate;

    ObservedSession(ClusterSession delegate) {
        this.delegate = delegate;
    }

    /** Sees an update before the view model does. */
    protected abstract void observe(SessionUpdate update);

    @Override
    public void open(ConnectionSettings settings, SessionListener listener) {
        delegate.open(settings, new SessionListener() {
            @Override
            public void onStart(Closeable session) {
                listener.onStart(session);
            }

            @Override
            public void onNext(SessionUpdate update) {
                observe(update);
                listener.onNext(update);
            }

            @Override
            public void onError(Throwable failure) {
                listener.onError(failure);
            }

            @Override
            public void onComplete() {
                listener.onComplete();
            }
        });
    }

    @Override
    public void send(Command command, CommandListener listener) {
        delegate.send(command, listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
