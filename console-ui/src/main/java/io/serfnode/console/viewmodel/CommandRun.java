package io.serfnode.console.viewmodel;

import io.serfnode.console.fx.UiThread;
import io.serfnode.console.session.CommandListener;
import io.serfnode.model.command.Progress;
import io.serfnode.model.command.QueryAckProgress;
import io.serfnode.model.command.QueryResponseProgress;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.wire.ResultMessage;
import java.io.Closeable;
import java.util.function.Consumer;

/**
 * Turns one command's callbacks (off the UI thread) into {@link ActionState}s on the UI thread: running
 * with its latest progress, then succeeded or failed with the agent's words.
 */
final class CommandRun implements CommandListener {
    private final UiThread ui;
    private final Consumer<ActionState> states;
    private final String running;
    private final String succeeded;
    private final Failure failure;

    /** How to phrase a failure: outcome ("was rejected", "failed", "timed out") and the reason. */
    @FunctionalInterface
    interface Failure {
        String describe(String outcome, String why);
    }

    CommandRun(UiThread ui, Consumer<ActionState> states, String running, String succeeded, Failure failure) {
        this.ui = ui;
        this.states = states;
        this.running = running;
        this.succeeded = succeeded;
        this.failure = failure;
    }

    void started() {
        states.accept(new ActionState(ActionState.Phase.RUNNING, running));
    }

    @Override
    public void onStart(Closeable handle) {
        // the command is on its way; nothing to show beyond "running"
    }

    @Override
    public void onNext(Progress progress) {
        String step = switch (progress) {
            case StepProgress s -> s.detail() == null ? s.step() : s.step() + ": " + s.detail();
            case QueryAckProgress ack -> "acknowledged by " + ack.from();
            case QueryResponseProgress response -> "answer from " + response.from();
        };
        ui.post(() -> states.accept(new ActionState(ActionState.Phase.RUNNING, running + " " + step)));
    }

    @Override
    public void onError(Throwable error) {
        String why = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        ui.post(() -> states.accept(new ActionState(ActionState.Phase.FAILED, failure.describe("could not be sent", why))));
    }

    @Override
    public void onComplete(ResultMessage result) {
        ActionState state = result.isOk()
                ? new ActionState(ActionState.Phase.SUCCEEDED, succeeded)
                : new ActionState(ActionState.Phase.FAILED, failure.describe(outcomeWords(result), result.error()));
        ui.post(() -> states.accept(state));
    }

    private static String outcomeWords(ResultMessage result) {
        return switch (result.outcome()) {
            case OK -> "succeeded";
            case REJECTED -> "was rejected";
            case FAILED -> "failed";
            case TIMEOUT -> "timed out (it may still take effect)";
        };
    }
}
