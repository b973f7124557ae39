package io.serfnode.agent.devif;

/**
 * Hears how handler invocations end: on the thread that ran the handler, or on the caller's thread when
 * the handler could not even be queued (not runnable, queue full).
 */
public interface HandlerListener {
    /** Does nothing; failures are still logged. */
    HandlerListener NONE = outcome -> {
    };

    /** A handler failed, timed out, could not be run or was refused ({@link HandlerOutcome.Result#isFailure()}). */
    void onFailed(HandlerOutcome outcome);

    /** A handler exited with code 0. */
    default void onSucceeded(HandlerOutcome outcome) {
    }
}
