package io.serfnode.agent.api;

import io.serfnode.model.wire.ResultMessage;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Carries out operator commands on this member or, through the cluster, on any other. */
public interface CommandService {

    /**
     * Executes one command. Partial answers (a query's acks and responses, a spawn's steps) go to
     * {@code progress} as they arrive; the stage then completes with exactly one result. Never completes
     * exceptionally: every failure is a result that says what went wrong. Each command is also recorded
     * as a {@code command} audit event with who asked, what, and the outcome.
     */
    CompletionStage<ResultMessage> execute(CommandRequest request, Consumer<CommandProgress> progress);
}
