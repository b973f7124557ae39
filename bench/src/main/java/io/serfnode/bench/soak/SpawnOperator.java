package io.serfnode.bench.soak;

import io.serfnode.model.RuntimeKind;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.SpawnedMembers;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.ProgressMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spawns members the way an operator does: a {@code spawn-member} command (a template, runtime {@code process})
 * over the WebSocket API of the spawner, waiting for its result, keeping the {@code created} steps that say
 * which process was started.
 */
final class SpawnOperator implements AutoCloseable {
    private final ApiConnection connection;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** What one spawn reported: the new members' names, and the {@code created} details it sent. */
    record Spawned(List<String> members, List<String> createdDetails) {
    }

    private record Pending(List<String> created, CompletableFuture<ResultMessage> result) {
    }

    SpawnOperator(URI api, String token) {
        this.connection = new ApiConnection("operator", api, token, this::receive);
    }

    /** Spawns one member from {@code template}; throws with the agent's words when it did not succeed. */
    Spawned spawn(String template, Duration timeout) throws InterruptedException, TimeoutException {
        String id = "soak-spawn-" + ids.incrementAndGet();
        Pending waiting = new Pending(new CopyOnWriteArrayList<>(), new CompletableFuture<>());
        pending.put(id, waiting);
        try {
            connection.send(new CommandMessage(id,
                    SpawnMember.fromTemplate(template).withRuntime(RuntimeKind.PROCESS)));
            ResultMessage result = waiting.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result.outcome() != CommandOutcome.OK || !(result.value() instanceof SpawnedMembers members)) {
                throw new IllegalStateException("spawn-member " + id + " ended " + result.outcome().wireName()
                        + (result.error() == null ? "" : ": " + result.error()) + "; created: " + waiting.created());
            }
            return new Spawned(members.members(), List.copyOf(waiting.created()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("spawn-member " + id + " failed: " + e.getCause(), e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    List<String> problems() {
        return connection.problems();
    }

    private void receive(ServerMessage message) {
        switch (message) {
            case ProgressMessage progress when progress.progress() instanceof StepProgress step
                    && "created".equals(step.step()) -> {
                Pending waiting = pending.get(progress.id());
                if (waiting != null) {
                    waiting.created().add(step.detail());
                }
            }
            case ResultMessage result -> {
                Pending waiting = pending.get(result.id());
                if (waiting != null) {
                    waiting.result().complete(result);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
