package io.serfnode.agent.supervisor;

import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import java.util.Objects;

/**
 * How an operator's start, stop or restart of a child ended.
 *
 * @param child   the child's name
 * @param outcome OK, REJECTED (refused: nothing happened) or FAILED (tried, did not get there)
 * @param message a sentence for the operator
 * @param state   the child's state when the command ended
 */
public record ChildCommandResult(String child, CommandOutcome outcome, String message, SupervisorState state) {

    public ChildCommandResult {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
    }

    public static ChildCommandResult ok(String child, SupervisorState state, String message) {
        return new ChildCommandResult(child, CommandOutcome.OK, message, state);
    }

    public static ChildCommandResult rejected(String child, SupervisorState state, String message) {
        return new ChildCommandResult(child, CommandOutcome.REJECTED, message, state);
    }

    public static ChildCommandResult failed(String child, SupervisorState state, String message) {
        return new ChildCommandResult(child, CommandOutcome.FAILED, message, state);
    }

    public boolean isOk() {
        return outcome.isOk();
    }
}
