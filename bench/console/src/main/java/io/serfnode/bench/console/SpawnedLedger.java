package io.serfnode.bench.console;

import io.serfnode.model.RuntimeKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every member the benchmark spawned, by pid or container id, so that they are all gone at the end whatever
 * happened: the spawner stops them first when it stops; {@link #removeRemaining} then ends the processes still
 * running (with their serf agents and children) and removes the containers still present, through the
 * {@code docker} command line, and tells how many it had to.
 */
final class SpawnedLedger {
    private static final String SPAWNED_BY = "io.serfnode.spawned-by";

    /** What {@link #removeRemaining} found and did. */
    record Removal(int processes, int processesLeft, int containers, int containersLeft) {
        String describe() {
            return processes + " process member(s) spawned, " + processesLeft + " still running after the spawner"
                    + " stopped (ended by pid); " + containers + " container(s) spawned, " + containersLeft
                    + " still present after the spawner stopped (removed by id)";
        }
    }

    private final List<SpawnedHandle> handles = new CopyOnWriteArrayList<>();
    private final Set<ProcessHandle> processes = ConcurrentHashMap.newKeySet();
    private final Set<ProcessHandle> agents = ConcurrentHashMap.newKeySet();

    /** Notes a member as soon as its {@code created} step names it. */
    void add(SpawnedHandle handle) {
        if (handles.contains(handle)) {
            return;
        }
        handles.add(handle);
        if (handle.runtime() == RuntimeKind.PROCESS) {
            ProcessHandle.of(handle.pid()).ifPresent(process -> {
                agents.add(process);
                processes.add(process);
                process.descendants().forEach(processes::add);
            });
        }
    }

    /** Notes the processes the spawned agents have started since (serf, children); call before stopping them. */
    void refreshDescendants() {
        for (ProcessHandle process : List.copyOf(processes)) {
            process.descendants().forEach(processes::add);
        }
    }

    List<SpawnedHandle> handles() {
        return List.copyOf(handles);
    }

    /**
     * Ends what is left of the spawned members: processes by their handles (never a reused pid), containers by id,
     * and any container labelled as spawned by {@code spawner} that no step named (a spawn cut short).
     */
    Removal removeRemaining(String spawner) {
        int processCount = (int) handles.stream().filter(h -> h.runtime() == RuntimeKind.PROCESS).count();
        int processesLeft = (int) agents.stream().filter(ProcessHandle::isAlive).count();
        for (ProcessHandle process : processes) {
            process.destroyForcibly();
        }
        Set<String> containers = new LinkedHashSet<>();
        handles.stream().filter(h -> h.runtime() == RuntimeKind.DOCKER).map(SpawnedHandle::id)
                .forEach(containers::add);
        int containerCount = containers.size();
        int containersLeft = 0;
        if (containerCount > 0) {
            List<String> present = DockerCli.lines("ps", "-aq", "--no-trunc", "--filter",
                    "label=" + SPAWNED_BY + "=" + spawner);
            for (String id : containers) {
                if (present.stream().anyMatch(full -> full.startsWith(id))) {
                    containersLeft++;
                }
            }
            Set<String> doomed = new LinkedHashSet<>(containers);
            doomed.addAll(present);
            for (String id : doomed) {
                DockerCli.lines("rm", "-f", id);
            }
        }
        return new Removal(processCount, processesLeft, containerCount, containersLeft);
    }
}
