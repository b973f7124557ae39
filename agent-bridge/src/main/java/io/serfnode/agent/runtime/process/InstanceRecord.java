package io.serfnode.agent.runtime.process;

import java.time.Duration;
import java.util.Objects;

/**
 * What the runtime writes down about a running instance, so that an agent started later on the same state
 * directory can recognise it (same boot, pid and start time) and end it.
 *
 * @param child      the child's name
 * @param pid        the process id, which is also its process group id
 * @param startTicks its start time in clock ticks after boot
 * @param bootId     the boot it was started in
 * @param stopSignal the child's stop signal, to end it gracefully first
 * @param stopWait   how long it gets after the stop signal before it is killed
 */
record InstanceRecord(String child, long pid, long startTicks, String bootId, UnixSignal stopSignal,
                      Duration stopWait) {

    InstanceRecord {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(bootId, "bootId");
        Objects.requireNonNull(stopSignal, "stopSignal");
        Objects.requireNonNull(stopWait, "stopWait");
    }

    /** Whether {@code stat} is the very process this record describes, still alive. */
    boolean isAlive(ProcStat stat, String currentBootId) {
        return bootId.equals(currentBootId) && stat.pid() == pid && stat.startTicks() == startTicks
                && !stat.isZombie();
    }
}
