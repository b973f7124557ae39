package io.serfnode.agent.runtime.process;

import io.serfnode.agent.support.ComponentLog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends the process groups of recorded instances that are still alive: their stop signal first, then KILL
 * once their stop wait is over. A record matches only the very process it was written for (same boot, pid
 * and start time), so a process that merely reuses a recorded pid is never touched.
 */
final class LeftoverCleaner {
    private static final Duration POLL = Duration.ofMillis(50);

    private final ProcessGroups groups;
    private final String bootId;
    private final ComponentLog log;

    LeftoverCleaner(ProcessGroups groups, String bootId, ComponentLog log) {
        this.groups = groups;
        this.bootId = bootId;
        this.log = log;
    }

    void end(List<InstanceRecord> records) {
        List<InstanceRecord> alive = new ArrayList<>();
        for (InstanceRecord record : records) {
            if (isAlive(record)) {
                log.info("ending leftover child '%s' (pid %d) of an earlier agent with %s", record.child(),
                        record.pid(), record.stopSignal());
                send(record, record.stopSignal());
                alive.add(record);
            }
        }
        long started = System.nanoTime();
        for (InstanceRecord record : alive) {
            long deadline = started + record.stopWait().toNanos();
            while (isAlive(record) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(POLL.toNanos());
            }
            if (isAlive(record)) {
                log.warn("leftover child '%s' (pid %d) outlived its stop wait of %s; killing it", record.child(),
                        record.pid(), record.stopWait());
            }
            // also ends what the leader left behind in its group
            send(record, UnixSignal.KILL);
        }
    }

    private boolean isAlive(InstanceRecord record) {
        return ProcStat.of(record.pid()).map(stat -> record.isAlive(stat, bootId)).orElse(false);
    }

    private void send(InstanceRecord record, UnixSignal signal) {
        try {
            groups.signal(record.pid(), signal);
        } catch (IOException e) {
            log.warn("could not send %s to leftover child '%s' (group %d): %s", signal, record.child(),
                    record.pid(), e.getMessage());
        }
    }
}
