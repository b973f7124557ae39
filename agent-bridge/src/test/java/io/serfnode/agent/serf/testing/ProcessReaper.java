package io.serfnode.agent.serf.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last resort for processes tests started: if the JVM ends before a fixture could stop them (a crash, a
 * cancelled run), a shutdown hook kills every one still registered, by PID.
 */
final class ProcessReaper {
    private static final Set<Long> PIDS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "serf-test-reaper"));
    }

    private ProcessReaper() {
    }

    static void register(long pid) {
        PIDS.add(pid);
    }

    static void unregister(long pid) {
        PIDS.remove(pid);
    }

    private static void killAll() {
        for (long pid : PIDS) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
