package io.serfnode.bench.propagation;

import io.serfnode.agent.serf.process.SerfAgentProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends every serf agent the study started, by its PID, when the JVM exits however it exits (also on Ctrl+C or a
 * failed run); agents registered after the hook ran are killed at once.
 */
final class SerfPidReaper {
    private final List<SerfAgentProcess> processes = new ArrayList<>();
    private boolean closing;

    static SerfPidReaper installed() {
        SerfPidReaper reaper = new SerfPidReaper();
        Runtime.getRuntime().addShutdownHook(new Thread(reaper::killAll, "serf-reaper"));
        return reaper;
    }

    SerfAgentProcess register(SerfAgentProcess process) {
        boolean late;
        synchronized (this) {
            late = closing;
            if (!late) {
                processes.add(process);
            }
        }
        if (late) {
            killQuietly(process);
            throw new IllegalStateException("the study is shutting down; killed serf pid " + process.pid());
        }
        return process;
    }

    synchronized void forget(SerfAgentProcess process) {
        processes.remove(process);
    }

    void killAll() {
        List<SerfAgentProcess> left;
        synchronized (this) {
            closing = true;
            left = List.copyOf(processes);
            processes.clear();
        }
        for (SerfAgentProcess process : left) {
            killQuietly(process);
        }
    }

    private static void killQuietly(SerfAgentProcess process) {
        // by PID through the handle as well: the process object may already think it ended
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        try {
            process.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("propagation: killing serf pid " + process.pid() + ": " + e.getMessage());
        }
    }
}
