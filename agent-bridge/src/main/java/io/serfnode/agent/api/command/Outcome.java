package io.serfnode.agent.api.command;

import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.CommandValue;
import io.serfnode.model.wire.ResultMessage;
import java.util.Objects;

/**
 * How one command ended, before it becomes a result and an audit record.
 *
 * @param outcome     how it ended
 * @param detail      why it did not succeed; {@code null} exactly when the outcome is ok
 * @param value       what an ok command hands back, or {@code null}
 * @param afterAnswer what must happen only once the answer is out (a member that leaves)
 */
record Outcome(CommandOutcome outcome, String detail, CommandValue value, Runnable afterAnswer) {

    private static final Runnable NOTHING = () -> { };

    Outcome {
        Objects.requireNonNull(outcome, "outcome");
        afterAnswer = afterAnswer == null ? NOTHING : afterAnswer;
        if (outcome.isOk() != (detail == null)) {
            throw new IllegalArgumentException("an outcome has a detail exactly when it is not ok: " + outcome
                    + " with detail " + detail);
        }
        if (detail != null && detail.isBlank()) {
            throw new IllegalArgumentException("the detail of a " + outcome + " outcome must say what went wrong");
        }
    }

    static Outcome ok() {
        return new Outcome(CommandOutcome.OK, null, null, null);
    }

    static Outcome ok(CommandValue value) {
        return new Outcome(CommandOutcome.OK, null, value, null);
    }

    static Outcome rejected(String detail) {
        return new Outcome(CommandOutcome.REJECTED, detail, null, null);
    }

    static Outcome failed(String detail) {
        return new Outcome(CommandOutcome.FAILED, detail, null, null);
    }

    static Outcome timeout(String detail) {
        return new Outcome(CommandOutcome.TIMEOUT, detail, null, null);
    }

    /** The outcome of another member's answer; an ok answer's message is not an error and is dropped. */
    static Outcome of(CommandOutcome outcome, String message) {
        return outcome.isOk() ? ok() : new Outcome(outcome, message, null, null);
    }

    Outcome thenAfterAnswer(Runnable action) {
        return new Outcome(outcome, detail, value, action);
    }

    ResultMessage toResult(String id) {
        return new ResultMessage(id, outcome, value, detail);
    }
}
