package io.serfnode.agent.api.command;

import io.serfnode.agent.api.CommandProgress;
import io.serfnode.agent.api.LocalMember;
import io.serfnode.agent.spawn.SpawnCallback;
import io.serfnode.agent.spawn.SpawnException;
import io.serfnode.agent.spawn.SpawnPlan;
import io.serfnode.agent.spawn.SpawnService;
import io.serfnode.agent.spawn.SpawnStep;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.SpawnedMembers;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code spawn-member} as the member the client talks to carries it out: by its own {@link SpawnService} when it
 * is the spawner, else relayed to the spawner with {@code serfnode.cmd}; then it watches its own view of the
 * cluster until every new member is alive. Steps: {@code requested}, then per member {@code created} and {@code
 * joined}, or {@code failed} with the reason.
 */
final class SpawnCommand {
    static final String REQUESTED = "requested";
    static final String CREATED = "created";
    static final String JOINED = "joined";
    static final String FAILED = "failed";
    private static final long POLL_MILLIS = 50;

    private final LocalMember member;
    private final CommandRelay relay;
    private final CommandServiceConfig config;
    private final ComponentLog log;

    SpawnCommand(LocalMember member, CommandRelay relay, CommandServiceConfig config, ComponentLog log) {
        this.member = member;
        this.relay = relay;
        this.config = config;
        this.log = log;
    }

    Outcome run(String id, SpawnMember command, Consumer<CommandProgress> progress) throws InterruptedException {
        String spawner = command.spawner() == null ? member.name() : command.spawner();
        return switch (MemberTarget.resolve(spawner, member.name(), member.members(), SpawnMember.KIND)) {
            case MemberTarget.Local local -> local(id, command, progress);
            case MemberTarget.Remote remote -> remote(id, spawner, command, progress);
            case MemberTarget.Unreachable unreachable -> Outcome.rejected(unreachable.reason());
        };
    }

    private Outcome local(String id, SpawnMember command, Consumer<CommandProgress> progress)
            throws InterruptedException {
        Optional<SpawnService> service = member.spawning();
        if (service.isEmpty()) {
            return Outcome.rejected(ClusterCommandService.SPAWN_UNAVAILABLE);
        }
        Report report = new Report(id, progress);
        SpawnPlan plan;
        try {
            plan = service.get().spawn(command, new SpawnCallback() {
                @Override
                public void onStart(Closeable handle) {
                    report.handle = handle;
                    tell(progress, id, REQUESTED, describe(command, member.name()));
                }

                @Override
                public void onNext(SpawnStep step) {
                    report.step(step);
                }

                @Override
                public void onError(Throwable error) {
                    report.error.complete(error.getMessage());
                }
            });
        } catch (SpawnException e) {
            report.close();
            return e.refused() ? Outcome.rejected(e.getMessage()) : Outcome.failed(e.getMessage());
        }
        try {
            if (report.error.isDone()) {
                String error = report.error.getNow("");
                tell(progress, id, FAILED, error);
                return Outcome.failed(error + (report.created.isEmpty() ? ""
                        : "; created before that (and still starting): " + String.join(", ", report.created)));
            }
            return awaitJoins(id, plan.names(), progress, report);
        } finally {
            report.close();
        }
    }

    private Outcome remote(String id, String spawner, SpawnMember command, Consumer<CommandProgress> progress)
            throws InterruptedException {
        tell(progress, id, REQUESTED, describe(command, spawner));
        return switch (relay.relaySpawn(spawner, command)) {
            case CommandRelay.Exchange.Unanswered unanswered -> unanswered.outcome();
            case CommandRelay.Exchange.Answered answered -> {
                RelayAnswer answer = answered.answer();
                if (!answer.outcome().isOk()) {
                    yield Outcome.of(answer.outcome(), answer.message());
                }
                if (answer.spawned() == null || answer.spawned().numbers() == null
                        || answer.spawned().numbers().isEmpty()) {
                    yield Outcome.failed("member '" + spawner + "' answered the spawn without naming the members it "
                            + "created");
                }
                List<String> names = answer.spawned().names();
                for (String name : names) {
                    tell(progress, id, CREATED, "member " + name + " on spawner " + spawner);
                }
                yield awaitJoins(id, names, progress, new Report(id, progress));
            }
        };
    }

    /** Watches this member's view of the cluster until each of {@code names} is alive. */
    private Outcome awaitJoins(String id, List<String> names, Consumer<CommandProgress> progress, Report report)
            throws InterruptedException {
        Set<String> waiting = new LinkedHashSet<>(names);
        long deadline = System.nanoTime() + config.spawnJoinTimeout().toNanos();
        while (!waiting.isEmpty()) {
            Map<String, Member> known = new LinkedHashMap<>();
            member.members().forEach(seen -> known.put(seen.name(), seen));
            for (String name : List.copyOf(waiting)) {
                Member seen = known.get(name);
                if (seen != null && seen.status() == MemberStatus.ALIVE) {
                    waiting.remove(name);
                    tell(progress, id, JOINED, "member " + name + " is alive at " + seen.address() + ":"
                            + seen.port());
                } else if (report.ended.containsKey(name)) {
                    String reason = report.ended.get(name);
                    tell(progress, id, FAILED, reason);
                    return Outcome.failed(reason + joinedSoFar(names, waiting));
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                String reason = "member(s) " + String.join(", ", waiting) + " did not join within "
                        + config.spawnJoinTimeout().toSeconds() + " s; their spawner's log and theirs say why";
                tell(progress, id, FAILED, reason);
                return Outcome.timeout(reason + joinedSoFar(names, waiting));
            }
            // membership changes reach this member's view within serf's coalescing; a short poll adds little
            Thread.sleep(POLL_MILLIS);
        }
        return Outcome.ok(new SpawnedMembers(names));
    }

    private static String joinedSoFar(List<String> names, Set<String> waiting) {
        List<String> joined = new ArrayList<>(names);
        joined.removeAll(waiting);
        return joined.isEmpty() ? "" : "; joined: " + String.join(", ", joined);
    }

    private static String describe(SpawnMember command, String spawner) {
        String source = command.template() != null ? "template '" + command.template() + "'"
                : "the configuration of member '" + command.likeMember() + "'";
        return command.count() + " member(s) from " + source + (command.role() == null ? ""
                : " with role '" + command.role() + "'") + " on spawner " + spawner;
    }

    private void tell(Consumer<CommandProgress> progress, String id, String step, String detail) {
        try {
            progress.accept(new CommandProgress.Step(id, step, detail));
        } catch (RuntimeException e) {
            log.warn(e, "the progress listener of command %s failed on step %s", id, step);
        }
    }

    /** The spawner's report on one local spawn. */
    private final class Report {
        final String id;
        final Consumer<CommandProgress> progress;
        final List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Map<String, String> ended = new java.util.concurrent.ConcurrentHashMap<>();
        final CompletableFuture<String> error = new CompletableFuture<>();
        volatile Closeable handle;

        Report(String id, Consumer<CommandProgress> progress) {
            this.id = id;
            this.progress = progress;
        }

        void step(SpawnStep step) {
            switch (step) {
                case SpawnStep.Created created -> {
                    this.created.add(created.member());
                    tell(progress, id, CREATED, "member " + created.member() + ": " + created.detail());
                }
                case SpawnStep.Ended gone -> ended.put(gone.member(), gone.reason());
            }
        }

        void close() {
            Closeable open = handle;
            if (open != null) {
                try {
                    open.close();
                } catch (IOException e) {
                    log.debug("closing the report of spawn %s: %s", id, e.getMessage());
                }
            }
        }
    }
}
