package io.serfnode.agent.api.command;

import io.serfnode.agent.api.LocalMember;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.SerfStream;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.serf.rpc.StreamFilter;
import io.serfnode.agent.supervisor.ChildCommandResult;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.LeaveMember;
import io.serfnode.model.command.SpawnMember;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carries out the commands other members relay to this one with the {@code serfnode.cmd} query, and answers
 * each with its outcome. Every member runs one. A command is carried out on a thread of its own, so a slow
 * restart never holds up the next query; the answer comes within the time the asker allows (capped by
 * {@link CommandResponderConfig#maxWait()}), saying what is known when the child needs longer.
 */
public final class CommandResponder {
    private final LocalMember member;
    private final CommandResponderConfig config;
    private final ChildActions actions;
    private final RecentRequests<ChildCommandResult> recent;
    private final RecentRequests<RelayAnswer> recentSpawns;
    private final AtomicBoolean leaving = new AtomicBoolean();
    private final ComponentLog log;

    public CommandResponder(LocalMember member, CommandResponderConfig config) {
        this.member = Objects.requireNonNull(member, "member");
        this.config = Objects.requireNonNull(config, "config");
        this.actions = new ChildActions(member.name(), member::supervisor);
        this.recent = new RecentRequests<>(config.rememberedRequests());
        this.recentSpawns = new RecentRequests<>(config.rememberedRequests());
        this.log = ComponentLog.of(member.name(), "command-responder");
    }

    /**
     * Subscribes to {@code serfnode.cmd} on {@code rpc} and answers on the same client (serf takes an answer only
     * on the connection that streamed the query). Call again with the new client after a reconnect.
     */
    public SerfStream start(SerfRpc rpc) {
        Objects.requireNonNull(rpc, "rpc");
        return rpc.stream(StreamFilter.query(RelayCodec.QUERY_NAME), new StreamCallback<>() {
            @Override
            public void onNext(StreamEvent event) {
                if (event instanceof StreamEvent.QueryEvent query) {
                    Thread.ofVirtual().name("command-" + query.ltime()).start(() -> answer(rpc, query));
                }
            }

            @Override
            public void onError(Throwable error) {
                log.warn("the stream of %s queries broke: %s", RelayCodec.QUERY_NAME, error.getMessage());
            }
        });
    }

    void answer(SerfRpc rpc, StreamEvent.QueryEvent query) {
        RelayRequest request;
        try {
            request = RelayCodec.decodeRequest(query.payload());
        } catch (RelayPayloadException e) {
            log.warn("refusing %s query %d: %s", RelayCodec.QUERY_NAME, query.ltime(), e.getMessage());
            respond(rpc, query, RelayAnswer.rejected("member '" + member.name() + "' could not read the command: "
                    + e.getMessage()));
            return;
        }
        if (!request.member().equals(member.name())) {
            respond(rpc, query, RelayAnswer.rejected("the " + request.kind() + " command for member '"
                    + request.member() + "' reached member '" + member.name() + "', which does not act for it"));
            return;
        }
        if (LeaveMember.KIND.equals(request.kind())) {
            respond(rpc, query, RelayAnswer.of(CommandOutcome.OK, "member '" + member.name()
                    + "' is leaving the cluster", null));
            leaveOnce(request);
            return;
        }
        if (SpawnMember.KIND.equals(request.kind())) {
            respond(rpc, query, spawn(request));
            return;
        }
        respond(rpc, query, carryOut(request));
    }

    /**
     * Spawns what another member relayed: answers once every new member is created (the asker watches them join)
     * or within the time the asker allows, whichever is first. A repeated request waits for the first one.
     */
    private RelayAnswer spawn(RelayRequest request) {
        Duration wait = Duration.ofMillis(Math.min(request.waitMs(), config.maxWait().toMillis()));
        CompletionStage<RelayAnswer> stage = recentSpawns.beginOnce(request.request(), () -> {
            log.info("spawn-member relayed by another member (request %s)", request.request());
            CompletableFuture<RelayAnswer> answer = new CompletableFuture<>();
            Thread.ofVirtual().name("spawn-" + request.request()).start(() ->
                    answer.complete(RelaySpawning.carryOut(member, request.spawn().toCommand(member.name()), log)));
            return answer;
        });
        try {
            return stage.toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RelayAnswer.of(CommandOutcome.FAILED, "member '" + member.name() + "' was shutting down while "
                    + "spawning members", null);
        } catch (TimeoutException e) {
            return RelayAnswer.of(CommandOutcome.TIMEOUT, "member '" + member.name() + "' is still creating the "
                    + "members after " + wait.toMillis() + " ms; they appear as member-join events once they join",
                    null);
        } catch (ExecutionException e) {
            return RelayAnswer.of(CommandOutcome.FAILED, "member '" + member.name() + "' could not spawn members: "
                    + e.getCause().getMessage(), null);
        }
    }

    private RelayAnswer carryOut(RelayRequest request) {
        Duration wait = Duration.ofMillis(Math.min(request.waitMs(), config.maxWait().toMillis()));
        try {
            CompletionStage<ChildCommandResult> stage = recent.beginOnce(request.request(), () -> {
                log.info("%s of child '%s' relayed by another member (request %s)", request.kind(), request.child(),
                        request.request());
                return actions.begin(request.kind(), request.child());
            });
            return actions.await(stage, request.kind(), request.child(), wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RelayAnswer.of(CommandOutcome.FAILED, "member '" + member.name() + "' was shutting down while "
                    + "carrying out " + request.kind() + " of child '" + request.child() + "'", null);
        } catch (RuntimeException e) {
            log.warn(e, "%s of child '%s' failed", request.kind(), request.child());
            return RelayAnswer.of(CommandOutcome.FAILED, "member '" + member.name() + "' could not carry out "
                    + request.kind() + " of child '" + request.child() + "': " + e.getMessage(), null);
        }
    }

    private void leaveOnce(RelayRequest request) {
        if (leaving.compareAndSet(false, true)) {
            log.info("leaving the cluster as another member asked (request %s)", request.request());
            try {
                member.leaveSoon();
            } catch (RuntimeException e) {
                log.error(e, "could not begin to leave the cluster");
            }
        }
    }

    private void respond(SerfRpc rpc, StreamEvent.QueryEvent query, RelayAnswer answer) {
        try {
            rpc.respond(query, RelayCodec.encodeAnswer(answer, rpc.localNodeName(), query.ltime(),
                    rpc.config().limits()));
        } catch (RuntimeException e) {
            log.warn("could not answer %s query %d (%s %s); the asker will report no answer: %s",
                    RelayCodec.QUERY_NAME, query.ltime(), answer.outcome().wireName(), answer.message(),
                    e.getMessage());
        }
    }
}
