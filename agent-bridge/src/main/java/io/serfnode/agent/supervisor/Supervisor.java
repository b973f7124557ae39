package io.serfnode.agent.supervisor;

import io.serfnode.model.ChildStatus;
import io.serfnode.model.SupervisedChild;
import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Supervises the children of one member: starts them in list order, stops them in reverse order, takes
 * operator commands and reports every transition once, numbered by the member's transition counter.
 */
public interface Supervisor extends AutoCloseable {

    String member();

    /**
     * Deals with what an earlier agent left running (the runtime adopts or ends it), then starts the children
     * in list order without waiting for one to be RUNNING before starting the next (as supervisord does:
     * their startsecs run together). Completes with each child's result, in list order, once every child is
     * RUNNING or has given up.
     */
    CompletionStage<List<ChildCommandResult>> startAll();

    /** Stops the children in reverse list order, each once the one after it is down. */
    CompletionStage<List<ChildCommandResult>> stopAll();

    /** Starts a child; REJECTED for an unknown child or one that is not in a stopped state. */
    CompletionStage<ChildCommandResult> start(String child);

    /** Stops a child; REJECTED for an unknown child or one that is not running. */
    CompletionStage<ChildCommandResult> stop(String child);

    /** Stops a child if it runs, then starts it with a fresh series of attempts. */
    CompletionStage<ChildCommandResult> restart(String child);

    /** Every child with its status, in list order. */
    List<SupervisedChild> snapshot();

    Optional<ChildStatus> status(String child);

    /** Delivers every later transition; see {@link TransitionCallback} for the threading. */
    Closeable subscribe(TransitionCallback callback);

    /**
     * Stops every child for good, in reverse list order: later starts are refused and nothing restarts.
     * Calling it again returns the same stage.
     */
    CompletionStage<List<ChildCommandResult>> shutdown();

    /** {@link #shutdown()}, waits for the children to be down, then ends the subscriptions. */
    @Override
    void close();
}
