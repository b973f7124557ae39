package io.serfnode.console.session;

import io.serfnode.model.command.Command;

/**
 * A live connection to a cluster through one of its agents.
 *
 * <p>The session hides reconnects and failovers: after {@link SessionUpdate.SnapshotReceived} the
 * listener sees every event exactly once and in order, whichever agent relays it. A fresh snapshot
 * (after a resynchronisation) replaces all state derived before it.
 */
public interface ClusterSession extends AutoCloseable {

    /** Connects and keeps the session connected until {@link #close()}; updates arrive on the listener. */
    void open(ConnectionSettings settings, SessionListener listener);

    /** Sends a command; its progress and single result arrive on the listener. */
    void send(Command command, CommandListener listener);

    /** Disconnects for good; the session listener's {@code onComplete} follows. */
    @Override
    void close();
}
