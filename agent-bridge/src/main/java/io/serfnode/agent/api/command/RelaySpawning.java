package io.serfnode.agent.api.command;

import io.serfnode.agent.api.LocalMember;
import io.serfnode.agent.spawn.SpawnCallback;
import io.serfnode.agent.spawn.SpawnException;
import io.serfnode.agent.spawn.SpawnPlan;
import io.serfnode.agent.spawn.SpawnService;
import io.serfnode.agent.spawn.SpawnStep;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.SpawnMember;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A spawn another member relayed to this one, carried out up to the members' creation. */
final class RelaySpawning {
    private RelaySpawning() {
    }

    static RelayAnswer carryOut(LocalMember member, SpawnMember command, ComponentLog log) {
        Optional<SpawnService> service = member.spawning();
        if (service.isEmpty()) {
            return RelayAnswer.rejected(ClusterCommandService.SPAWN_UNAVAILABLE);
        }
        List<String> created = new CopyOnWriteArrayList<>();
        AtomicReference<String> error = new AtomicReference<>();
        AtomicReference<Closeable> report = new AtomicReference<>();
        try {
            SpawnPlan plan = service.get().spawn(command, new SpawnCallback() {
                @Override
                public void onStart(Closeable handle) {
                    report.set(handle);
                }

                @Override
                public void onNext(SpawnStep step) {
                    if (step instanceof SpawnStep.Created done) {
                        created.add(done.member());
                    }
                }

                @Override
                public void onError(Throwable failure) {
                    error.set(failure.getMessage());
                }
            });
            if (error.get() != null) {
                return RelayAnswer.of(CommandOutcome.FAILED, error.get() + (created.isEmpty() ? ""
                        : "; created before that: " + String.join(", ", created)), null);
            }
            return RelayAnswer.spawned(plan.names());
        } catch (SpawnException e) {
            return RelayAnswer.of(e.refused() ? CommandOutcome.REJECTED : CommandOutcome.FAILED, e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RelayAnswer.of(CommandOutcome.FAILED, "member '" + member.name() + "' was shutting down while "
                    + "spawning members", null);
        } catch (RuntimeException e) {
            log.warn(e, "spawning members failed");
            return RelayAnswer.of(CommandOutcome.FAILED, "member '" + member.name() + "' could not spawn members: "
                    + e.getMessage(), null);
        } finally {
            Closeable open = report.get();
            if (open != null) {
                try {
                    open.close();
                } catch (IOException e) {
                    log.debug("closing a spawn report: %s", e.getMessage());
                }
            }
        }
    }
}
