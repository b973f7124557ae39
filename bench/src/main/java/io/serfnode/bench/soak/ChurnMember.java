package io.serfnode.bench.soak;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A member the harness spawned through the API: its own {@code serfnode agent} JVM (a child of the spawner's
 * JVM), the watch on its own API, and a probe of its heap once attached. Killed as a crash would: SIGKILL to
 * the agent's pid and to every process under it (its serf agent, its children), found by that pid, never by name.
 */
final class ChurnMember {
    /** The {@code worker} child's argument ({@code sleep 86400}); only used to find it among the member's children. */
    static final String WORKER_ARGUMENT = "86400";

    private final String name;
    private final ProcessHandle process;
    private final MemberWatch watch;
    private final long startedNanos;
    private volatile JvmProbe probe;

    ChurnMember(String name, ProcessHandle process, MemberWatch watch) {
        this.name = name;
        this.process = process;
        this.watch = watch;
        this.startedNanos = System.nanoTime();
    }

    /**
     * The agent process of a member spawned with state directory {@code stateDir}, among the children of this
     * JVM: used when the {@code created} step does not give its pid.
     */
    static Optional<ProcessHandle> byStateDir(Path stateDir) {
        String wanted = stateDir.toAbsolutePath().normalize().toString();
        return ProcessHandle.current().children().filter(child -> {
            String[] args = child.info().arguments().orElse(new String[0]);
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--state-dir") && Path.of(args[i + 1]).toAbsolutePath().normalize().toString()
                        .equals(wanted)) {
                    return true;
                }
            }
            return false;
        }).findFirst();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    MemberWatch watch() {
        return watch;
    }

    long ageSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    }

    /** The probe of its heap, attached on first use. */
    synchronized JvmProbe probe() throws java.io.IOException {
        if (probe == null) {
            probe = JvmProbe.attach(process.pid());
        }
        return probe;
    }

    /** Its {@code worker} child: the child process running {@code sleep 86400}. */
    Optional<ProcessHandle> worker() {
        return process.children().filter(child -> {
            String[] args = child.info().arguments().orElse(new String[0]);
            return args.length == 1 && args[0].equals(WORKER_ARGUMENT);
        }).findFirst();
    }

    /** Its serf agent: the child process whose program is {@code serf}. */
    Optional<ProcessHandle> serf() {
        return process.children().filter(child -> child.info().command()
                .map(command -> Path.of(command).getFileName().toString().equals("serf")).orElse(false)).findFirst();
    }

    /** SIGKILL to the agent and everything under it, all at once, as a crash of its host would end them. */
    void kill() {
        watch.expectClose();
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.addFirst(process);
        tree.forEach(ProcessHandle::destroyForcibly);
        closeProbe();
    }

    void closeProbe() {
        JvmProbe open = probe;
        if (open != null) {
            open.close();
        }
    }
}
