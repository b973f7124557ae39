package io.serfnode.console.viewmodel;

import io.serfnode.console.session.ClusterSession;
import io.serfnode.console.session.CommandListener;
import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.SessionListener;
import io.serfnode.console.session.SessionUpdate;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.ViewCheck;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A session the test drives by hand: it records commands and lets the test push updates. */
public final class FakeClusterSession implements ClusterSession {
    public final List<Command> sent = new CopyOnWriteArrayList<>();
    public final List<CommandListener> listeners = new CopyOnWriteArrayList<>();
    public volatile ConnectionSettings settings;
    public volatile SessionListener listener;
    public volatile boolean closed;

    @Override
    public void open(ConnectionSettings connectionSettings, SessionListener sessionListener) {
        settings = connectionSettings;
        listener = sessionListener;
    }

    @Override
    public void send(Command command, CommandListener commandListener) {
        sent.add(command);
        listeners.add(commandListener);
    }

    @Override
    public void close() {
        closed = true;
    }

    public void push(SessionUpdate update) {
        listener.onNext(update);
    }

    /** What the operator sent: every command but the console's own periodic view checks. */
    public List<Command> operatorCommands() {
        return sent.stream().filter(c -> !(c instanceof ViewCheck)).toList();
    }

    /** The listener of the latest command of {@code kind}. */
    public CommandListener lastListenerOf(Class<? extends Command> kind) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (kind.isInstance(sent.get(i))) {
                return listeners.get(i);
            }
        }
        throw new AssertionError("no " + kind.getSimpleName() + " was sent; sent: " + sent);
    }

    public CommandListener lastCommandListener() {
        return listeners.get(listeners.size() - 1);
    }
}
