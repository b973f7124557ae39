package io.serfnode.bench.console;

import io.serfnode.model.RuntimeKind;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What identifies a spawned member to its runtime, read from the spawner's {@code created} step: the agent's pid
 * ({@code "member web-2: process 4242 on …"}) or the container's id
 * ({@code "member web-3: container 4f2a9c81d0e3 (image) on …"}). The
 * benchmark removes every member it spawned by these, whatever the spawner did.
 *
 * @param runtime how the member runs
 * @param id      the pid, or the container id as the step gives it (the short form the engine accepts)
 */
record SpawnedHandle(RuntimeKind runtime, String id) {
    // the agent's step reads "member web-2: process 4242 on …"; the spawner's own detail starts at "process"
    private static final Pattern PROCESS = Pattern.compile("(?:^|: )process (\\d+)\\b");
    private static final Pattern CONTAINER = Pattern.compile("(?:^|: )container ([0-9a-f]{12,64})\\b");

    SpawnedHandle {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(id, "id");
    }

    /** The handle a {@code created} step's detail names, if it names one. */
    static Optional<SpawnedHandle> fromCreated(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        Matcher process = PROCESS.matcher(detail.strip());
        if (process.find()) {
            return Optional.of(new SpawnedHandle(RuntimeKind.PROCESS, process.group(1)));
        }
        Matcher container = CONTAINER.matcher(detail.strip());
        if (container.find()) {
            return Optional.of(new SpawnedHandle(RuntimeKind.DOCKER, container.group(1)));
        }
        return Optional.empty();
    }

    long pid() {
        if (runtime != RuntimeKind.PROCESS) {
            throw new IllegalStateException("a container has no pid: " + this);
        }
        return Long.parseLong(id);
    }

    @Override
    public String toString() {
        return (runtime == RuntimeKind.PROCESS ? "pid " : "container ") + id;
    }
}
