package io.serfnode.console.app;

import io.serfnode.console.session.ClusterSession;
import io.serfnode.console.session.CommandListener;
import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.SessionListener;
import io.serfnode.model.command.Command;

/** Stands in for the WebSocket session in builds without it: every connect fails with a plain reason. */
final class UnavailableSession implements ClusterSession {
    static final String REASON = "this build of the console has no WebSocket session";

    @Override
    public void open(ConnectionSettings settings, SessionListener listener) {
        listener.onError(new IllegalStateException(REASON));
    }

    @Override
    public void send(Command command, CommandListener listener) {
        listener.onError(new IllegalStateException(REASON));
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
