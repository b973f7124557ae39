package io.serfnode.agent.api.command;

import io.serfnode.agent.supervisor.ChildCommandResult;
import io.serfnode.agent.supervisor.Supervisor;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.StartChild;
import io.serfnode.model.command.StopChild;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Starts, stops and restarts this member's children for operators, waiting a bounded time: whoever asked gets
 * an answer in time even when the child takes longer (a child that ignores its stop signal, a slow start), and
 * then learns the rest from the supervisor-state events.
 */
final class ChildActions {
    private final String member;
    private final Supplier<Supervisor> supervisor;

    ChildActions(String member, Supplier<Supervisor> supervisor) {
        this.member = Objects.requireNonNull(member, "member");
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
    }

    /**
     * Begins the command (of kind {@code restart-child}, {@code stop-child} or {@code start-child}) and waits
     * for its end at most {@code wait}.
     */
    RelayAnswer run(String kind, String child, Duration wait) throws InterruptedException {
        return await(begin(kind, child), kind, child, wait);
    }

    /** Begins the command; its stage completes when the supervisor is done with it. */
    CompletionStage<ChildCommandResult> begin(String kind, String child) {
        Supervisor children = supervisor.get();
        return switch (kind) {
            case RestartChild.KIND -> children.restart(child);
            case StopChild.KIND -> children.stop(child);
            case StartChild.KIND -> children.start(child);
            default -> throw new IllegalArgumentException("not a child command: " + kind);
        };
    }

    /** Waits for the result of a command already begun, at most {@code wait}. */
    RelayAnswer await(CompletionStage<ChildCommandResult> stage, String kind, String child, Duration wait)
            throws InterruptedException {
        try {
            ChildCommandResult result = stage.toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return RelayAnswer.of(result.outcome(), result.message(), result.state());
        } catch (TimeoutException e) {
            SupervisorState now = supervisor.get().status(child).map(ChildStatus::state)
                    .orElse(SupervisorState.UNKNOWN);
            return RelayAnswer.of(CommandOutcome.TIMEOUT, noun(kind) + " of child '" + child + "' on member '"
                    + member + "' is still under way after " + wait.toMillis() + " ms (the child is " + now
                    + " now); its state changes follow as supervisor-state events", now);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return RelayAnswer.of(CommandOutcome.FAILED, noun(kind) + " of child '" + child + "' on member '"
                    + member + "' failed in its supervisor: " + cause.getMessage(), null);
        }
    }

    /** The command as a noun, e.g. {@code Restart}. */
    static String noun(String kind) {
        return switch (kind) {
            case RestartChild.KIND -> "Restart";
            case StopChild.KIND -> "Stop";
            case StartChild.KIND -> "Start";
            default -> kind;
        };
    }
}
