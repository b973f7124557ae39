package io.serfnode.bench.console;

import io.serfnode.model.command.Progress;
import io.serfnode.model.command.SpawnedMembers;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.wire.ResultMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the console's session heard of one {@code spawn-member} command, and when ({@link System#nanoTime()}):
 * the send, the first arrival of each progress step, the details of the {@code created} steps (the new members'
 * pids or container ids), and the result. Written from the session's threads, read from any.
 */
final class SpawnTrace {
    private static final Pattern CREATED_MEMBER = Pattern.compile("^member (\\S+): ");
    private final long sentNanos;
    private final Map<String, Long> steps = new ConcurrentHashMap<>();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private volatile long resultNanos;
    private volatile ResultMessage result;
    private volatile Throwable failure;

    SpawnTrace(long sentNanos) {
        this.sentNanos = sentNanos;
    }

    void progress(Progress progress, long nanos) {
        if (progress instanceof StepProgress step) {
            steps.putIfAbsent(step.step(), nanos);
            if ("created".equals(step.step()) && step.detail() != null) {
                created.add(step.detail());
            }
        }
    }

    void result(ResultMessage message, long nanos) {
        result = message;
        resultNanos = nanos;
    }

    void failed(Throwable error) {
        failure = error;
    }

    long sentNanos() {
        return sentNanos;
    }

    /** When the step first arrived, if it did. */
    Optional<Long> step(String name) {
        return Optional.ofNullable(steps.get(name));
    }

    /** The members the {@code created} steps named ({@code "member web-2: …"}), in arrival order. */
    List<String> createdNames() {
        return created.stream().map(CREATED_MEMBER::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
    }

    /** The handles the {@code created} steps named, in arrival order. */
    List<SpawnedHandle> handles() {
        return created.stream().map(SpawnedHandle::fromCreated).flatMap(Optional::stream).toList();
    }

    boolean done() {
        return result != null || failure != null;
    }

    long resultNanos() {
        return resultNanos;
    }

    /** {@code ok}, the outcome with the agent's reason, the send's failure, or {@code pending}. */
    String outcome() {
        ResultMessage r = result;
        if (r != null) {
            return r.isOk() ? "ok" : r.outcome().wireName() + ": " + r.error();
        }
        Throwable f = failure;
        return f != null ? "not sent: " + f.getMessage() : "pending";
    }

    /** The new members' names from an ok result. */
    List<String> spawnedNames() {
        ResultMessage r = result;
        return r != null && r.value() instanceof SpawnedMembers s ? s.members() : List.of();
    }
}
