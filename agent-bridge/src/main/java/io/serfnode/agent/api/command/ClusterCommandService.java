package io.serfnode.agent.api.command;

import io.serfnode.agent.api.CommandProgress;
import io.serfnode.agent.api.CommandRequest;
import io.serfnode.agent.api.CommandService;
import io.serfnode.agent.api.LocalMember;
import io.serfnode.agent.cluster.view.ClusterViewCheck;
import io.serfnode.agent.cluster.view.SerfViewCheck;
import io.serfnode.agent.cluster.view.ViewQueryCodec;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.command.ChildCommand;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.ForceLeave;
import io.serfnode.model.command.LeaveMember;
import io.serfnode.model.command.SendQuery;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.TriggerEvent;
import io.serfnode.model.command.ViewCheck;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.CommandAudit;
import io.serfnode.model.wire.ResultMessage;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The operator commands of one member: carried out here when they concern this member, relayed with a
 * {@code serfnode.cmd} query to the member they concern otherwise, and checked against serf's limits before
 * anything is sent. Each command runs on a thread of its own; its stage completes with exactly one result
 * (never exceptionally), and each command that may change something is recorded as one {@link CommandAudit}
 * event. A {@code view-check} changes nothing and is not recorded: consoles run it every few seconds, and
 * its records would push the events that matter out of the recent-events history.
 */
public final class ClusterCommandService implements CommandService {
    /** The plain answer to {@code spawn-member} on a member that cannot spawn members. */
    static final String SPAWN_UNAVAILABLE = "spawn-member is not available in this version of the agent";

    private final LocalMember member;
    private final Consumer<ClusterEvent> audit;
    private final Clock clock;
    private final CommandServiceConfig config;
    private final Executor executor;
    private final ComponentLog log;
    private final ChildActions childActions;
    private final CommandRelay relay;
    private final EventTrigger events;
    private final QuerySender queries;
    private final SpawnCommand spawns;
    private final ClusterViewCheck views;

    /**
     * @param member the member the service runs in
     * @param audit  receives the audit record of every command
     * @param clock  for the audit records' times
     * @param config how long to wait for the cluster
     */
    public ClusterCommandService(LocalMember member, Consumer<ClusterEvent> audit, Clock clock,
                                 CommandServiceConfig config) {
        this.member = Objects.requireNonNull(member, "member");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("command-", 0).factory());
        this.log = ComponentLog.of(member.name(), "commands");
        this.childActions = new ChildActions(member.name(), member::supervisor);
        this.relay = new CommandRelay(member::rpc, config, log);
        this.events = new EventTrigger(member::rpc);
        this.queries = new QuerySender(member::rpc, config, log);
        this.spawns = new SpawnCommand(member, relay, config, log);
        this.views = new SerfViewCheck(member.name(), member::rpc, member::members, ViewQueryCodec.withDefaultLimits(),
                SerfViewCheck.defaultRetry());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the request's id is blank: no result could carry it
     */
    @Override
    public CompletionStage<ResultMessage> execute(CommandRequest request, Consumer<CommandProgress> progress) {
        Objects.requireNonNull(request, "request");
        if (request.id().isBlank()) {
            throw new IllegalArgumentException("a command needs a non-blank id for its result, found '"
                    + request.id() + "'");
        }
        Consumer<CommandProgress> listener = progress == null ? step -> { } : progress;
        CompletableFuture<ResultMessage> result = new CompletableFuture<>();
        try {
            executor.execute(() -> finish(request, carryOut(request, listener), result));
        } catch (RejectedExecutionException e) {
            finish(request, Outcome.failed("member '" + member.name() + "' cannot take commands now: "
                    + e.getMessage()), result);
        }
        return result;
    }

    private Outcome carryOut(CommandRequest request, Consumer<CommandProgress> progress) {
        Command command = request.command();
        try {
            return switch (command) {
                case TriggerEvent event -> events.trigger(event);
                case ChildCommand child -> childCommand(child);
                case LeaveMember leave -> leave(leave);
                case ForceLeave forceLeave -> forceLeave(forceLeave);
                case SendQuery query -> queries.send(request.id(), query, progress);
                case SpawnMember spawn -> spawns.run(request.id(), spawn, progress);
                case ViewCheck check -> Outcome.ok(views.check(check.timeout()));
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("member '" + member.name() + "' was shutting down while carrying out "
                    + command.kind());
        } catch (RuntimeException e) {
            log.warn(e, "%s (id %s) failed", command.kind(), request.id());
            return Outcome.failed("member '" + member.name() + "' could not carry out " + command.kind() + ": "
                    + e.getMessage());
        }
    }

    private Outcome childCommand(ChildCommand command) throws InterruptedException {
        return switch (MemberTarget.resolve(command.member(), member.name(), member.members(), command.kind())) {
            case MemberTarget.Local local -> {
                RelayAnswer answer = childActions.run(command.kind(), command.child(), config.actionWait());
                yield Outcome.of(answer.outcome(), answer.message());
            }
            case MemberTarget.Remote remote -> relay.relay(command.member(), command.kind(), command.child());
            case MemberTarget.Unreachable unreachable -> Outcome.rejected(unreachable.reason());
        };
    }

    private Outcome leave(LeaveMember command) throws InterruptedException {
        return switch (MemberTarget.resolve(command.member(), member.name(), member.members(), command.kind())) {
            // only once the answer is out: leaving ends the connection it travels on
            case MemberTarget.Local local -> Outcome.ok().thenAfterAnswer(member::leaveSoon);
            case MemberTarget.Remote remote -> relay.relay(command.member(), command.kind(), null);
            case MemberTarget.Unreachable unreachable -> Outcome.rejected(unreachable.reason());
        };
    }

    /**
     * Refuses to force an alive member out. The installed serf takes a force-leave of an alive member without
     * complaint, but the member refutes it and stays; with prune the other members drop it from their lists at
     * once while it keeps running and believing it is in, which splits the cluster until it rejoins.
     */
    private Outcome forceLeave(ForceLeave command) {
        String name = command.member();
        Optional<Member> known = MemberTarget.find(name, member.members());
        if (known.isEmpty()) {
            // serf answers a force-leave of a name it does not know with success and does nothing
            return Outcome.rejected(MemberTarget.unknown(name));
        }
        if (name.equals(member.name()) || known.get().status() == MemberStatus.ALIVE) {
            return Outcome.rejected("member '" + name + "' is alive: force-leave only clears out members that "
                    + "have failed. An alive member refutes it and stays, and with prune the other members drop it "
                    + "while it keeps running, which splits the cluster; use leave-member to make it leave");
        }
        SerfRpc serf = member.rpc();
        try {
            if (command.prune()) {
                serf.forceLeavePrune(name);
            } else {
                serf.forceLeave(name);
            }
            return Outcome.ok();
        } catch (RuntimeException e) {
            return Outcome.failed("serf did not force member '" + name + "' out: " + e.getMessage());
        }
    }

    private void finish(CommandRequest request, Outcome outcome, CompletableFuture<ResultMessage> result) {
        Command command = request.command();
        if (outcome.outcome() == CommandOutcome.OK) {
            log.info("%s (id %s, from %s): ok", command.kind(), request.id(), request.client());
        } else {
            log.info("%s (id %s, from %s): %s: %s", command.kind(), request.id(), request.client(),
                    outcome.outcome().wireName(), outcome.detail());
        }
        try {
            if (!(command instanceof ViewCheck)) {
                audit.accept(new CommandAudit(clock.instant(), member.name(), request.client(), request.id(),
                        command, outcome.outcome(), outcome.detail()));
            }
        } catch (RuntimeException e) {
            log.error(e, "could not record the audit of %s (id %s)", command.kind(), request.id());
        }
        result.complete(outcome.toResult(request.id()));
        try {
            outcome.afterAnswer().run();
        } catch (RuntimeException e) {
            log.error(e, "after answering %s (id %s)", command.kind(), request.id());
        }
    }
}
