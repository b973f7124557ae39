package io.serfnode.agent.devif;

import java.util.List;

/** Ends a process together with everything it started. */
final class ProcessTrees {
    private ProcessTrees() {
    }

    /**
     * Kills {@code root} and its descendants with SIGKILL. The descendants are listed before the root dies
     * (afterwards they would be re-parented and no longer found), the root is killed first so it forks no
     * more, then each descendant together with anything it started in the meantime.
     */
    static void kill(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        for (ProcessHandle descendant : descendants) {
            descendant.descendants().forEach(ProcessHandle::destroyForcibly);
            descendant.destroyForcibly();
        }
    }
}
