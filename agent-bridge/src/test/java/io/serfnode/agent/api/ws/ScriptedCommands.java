package io.serfnode.agent.api.ws;

import io.serfnode.agent.api.CommandProgress;
import io.serfnode.agent.api.CommandRequest;
import io.serfnode.agent.api.CommandService;
import io.serfnode.model.Payload;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.QueryAnswers;
import io.serfnode.model.command.QueryResponse;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.SendQuery;
import io.serfnode.model.wire.ResultMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A command service for the tests: a query is answered by two members with an ack each, streamed as
 * progress; a child command for an unknown member is rejected; everything else succeeds.
 */
final class ScriptedCommands implements CommandService {
    final List<CommandRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<ResultMessage> execute(CommandRequest request, Consumer<CommandProgress> progress) {
        requests.add(request);
        String id = request.id();
        return switch (request.command()) {
            case SendQuery query -> CompletableFuture.supplyAsync(() -> {
                progress.accept(new CommandProgress.QueryAck(id, "web-1"));
                progress.accept(new CommandProgress.QueryResponse(id, "web-1", Payload.ofText("up 3 days")));
                progress.accept(new CommandProgress.QueryAck(id, "web-2"));
                progress.accept(new CommandProgress.QueryResponse(id, "web-2", Payload.ofText("up 1 day")));
                return ResultMessage.ok(id, new QueryAnswers(List.of("web-1", "web-2"), List.of(
                        new QueryResponse("web-1", Payload.ofText("up 3 days")),
                        new QueryResponse("web-2", Payload.ofText("up 1 day")))));
            });
            case RestartChild restart when !restart.member().startsWith("web-") -> CompletableFuture.completedFuture(
                    ResultMessage.notOk(id, CommandOutcome.REJECTED, "no member named '" + restart.member() + "'"));
            default -> CompletableFuture.completedFuture(ResultMessage.ok(id));
        };
    }
}
