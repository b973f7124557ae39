package io.serfnode.agent.devif;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How one handler invocation ended.
 *
 * @param event    the event name (a user event's name, or {@code member-join} …)
 * @param handler  the handler file it selected
 * @param result   what happened
 * @param exitCode the handler's exit code, when it exited on its own
 * @param duration from start to end; zero when it never ran
 * @param detail   a plain-language explanation, for logs
 */
public record HandlerOutcome(String event, Path handler, Result result, Integer exitCode, Duration duration,
                             String detail) {

    public enum Result {
        /** Exited with code 0. */
        SUCCEEDED,
        /** Exited with another code. */
        FAILED,
        /** Ran past the timeout; its process tree was killed. */
        TIMED_OUT,
        /** There is no handler for this event: nothing to do. */
        NO_HANDLER,
        /** A file is there but cannot be run (not executable, a directory, or the event name is unusable). */
        NOT_RUNNABLE,
        /** The operating system could not start it. */
        COULD_NOT_START,
        /** Too many invocations were waiting already. */
        REFUSED,
        /** The handlers were closed before it ended. */
        CANCELLED;

        /** Whether the outcome is worth an operator's attention. */
        public boolean isFailure() {
            return this != SUCCEEDED && this != NO_HANDLER;
        }
    }

    public HandlerOutcome {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(detail, "detail");
    }

    static HandlerOutcome notRun(String event, Path handler, Result result, String detail) {
        return new HandlerOutcome(event, handler, result, null, Duration.ZERO, detail);
    }
}
