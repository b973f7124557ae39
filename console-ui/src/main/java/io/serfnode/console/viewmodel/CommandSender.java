package io.serfnode.console.viewmodel;

import io.serfnode.console.session.CommandListener;
import io.serfnode.model.command.Command;

/** Sends operator commands through whatever session is current. */
@FunctionalInterface
public interface CommandSender {
    void send(Command command, CommandListener listener);
}
