package io.serfnode.console.session;

import io.serfnode.model.command.Progress;
import io.serfnode.model.wire.ResultMessage;
import java.io.Closeable;

/** Receives one command's progress and its single result; called off the FX thread. */
public interface CommandListener {

    /** The command was sent; closing the handle stops listening for it (the command is not undone). */
    void onStart(Closeable handle);

    /** A step, a query ack or a query response. */
    void onNext(Progress progress);

    /** The command could not be sent or its answer cannot arrive (not connected, connection lost). */
    void onError(Throwable failure);

    /** The agent's answer: ok, rejected, failed or timeout, with a value or an error text. */
    void onComplete(ResultMessage result);
}
