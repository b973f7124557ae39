package io.serfnode.agent.api.command;

import io.serfnode.agent.supervisor.ChildCommandResult;
import io.serfnode.agent.supervisor.Supervisor;
import io.serfnode.agent.supervisor.TransitionCallback;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A supervisor of named children whose commands end when the test says: each command's stage is the one
 * {@link #pending} holds for it (created on first use), or completes at once as {@link #answerAtOnce} says.
 */
final class FakeSupervisor implements Supervisor {
    final String member;
    final Map<String, SupervisorState> states = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, CompletableFuture<ChildCommandResult>> pending = new ConcurrentHashMap<>();
    volatile boolean answerAtOnce = true;

    FakeSupervisor(String member, String... children) {
        this.member = member;
        for (String child : children) {
            states.put(child, SupervisorState.RUNNING);
        }
    }

    @Override
    public String member() {
        return member;
    }

    @Override
    public CompletionStage<List<ChildCommandResult>> startAll() {
        throw new UnsupportedOperationException("startAll");
    }

    @Override
    public CompletionStage<List<ChildCommandResult>> stopAll() {
        throw new UnsupportedOperationException("stopAll");
    }

    @Override
    public CompletionStage<ChildCommandResult> start(String child) {
        return command("start", child, SupervisorState.RUNNING);
    }

    @Override
    public CompletionStage<ChildCommandResult> stop(String child) {
        return command("stop", child, SupervisorState.STOPPED);
    }

    @Override
    public CompletionStage<ChildCommandResult> restart(String child) {
        return command("restart", child, SupervisorState.RUNNING);
    }

    private CompletionStage<ChildCommandResult> command(String verb, String child, SupervisorState after) {
        calls.add(verb + " " + child);
        if (!states.containsKey(child)) {
            return CompletableFuture.completedFuture(ChildCommandResult.rejected(child, SupervisorState.UNKNOWN,
                    "member '" + member + "' has no child named '" + child + "'; it has " + states.keySet()));
        }
        CompletableFuture<ChildCommandResult> stage = pending.computeIfAbsent(verb + " " + child,
                key -> new CompletableFuture<>());
        if (answerAtOnce) {
            states.put(child, after);
            stage.complete(ChildCommandResult.ok(child, after, "child '" + child + "' is " + after));
        } else {
            states.put(child, SupervisorState.STOPPING);
        }
        return stage;
    }

    @Override
    public List<SupervisedChild> snapshot() {
        throw new UnsupportedOperationException("snapshot");
    }

    @Override
    public Optional<ChildStatus> status(String child) {
        return Optional.ofNullable(states.get(child))
                .map(state -> ChildStatus.neverStarted(Instant.EPOCH).withState(state, Instant.EPOCH, 1));
    }

    @Override
    public Closeable subscribe(TransitionCallback callback) {
        throw new UnsupportedOperationException("subscribe");
    }

    @Override
    public CompletionStage<List<ChildCommandResult>> shutdown() {
        throw new UnsupportedOperationException("shutdown");
    }

    @Override
    public void close() {
    }
}
