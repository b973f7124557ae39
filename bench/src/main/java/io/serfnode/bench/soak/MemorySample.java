package io.serfnode.bench.soak;

import java.util.Locale;

/**
 * One sample, every {@code sampleEvery}. Heap "after GC" is the heap in use right after a full collection
 * (live data, not garbage waiting).
 *
 * @param seconds          since the soak started
 * @param heapUsedMb       the harness JVM (the members that stay, the spawner, the clients): heap after GC
 * @param heapCommittedMb  the harness JVM: heap it holds from the OS
 * @param rssMb            the harness JVM: resident memory
 * @param threads          the harness JVM: live threads
 * @param serfRssMb        resident memory of all serf agents together (the staying members' and the spawned ones')
 * @param spawned          spawned members running (separate JVMs) at the sample
 * @param spawnedRssMb     their agent JVMs' resident memory, together
 * @param spawnedHeapMb    their agent JVMs' heap after GC, together
 * @param consoleRssMb     the JavaFX console's resident memory (0 when it is not running)
 * @param consoleHeapMb    the console's heap after GC
 * @param consoleCommittedMb the console's heap committed (what it holds from the OS, part of its RSS)
 * @param consoleThreads   the console's live threads
 * @param members          members running, staying and spawned
 * @param transitionsSeen  distinct transitions the console stand-in received so far
 * @param userEventsSeen   user events the stand-in received so far
 * @param load1            the machine's 1-minute load average
 */
record MemorySample(long seconds, double heapUsedMb, double heapCommittedMb, double rssMb, int threads,
                    double serfRssMb, int spawned, double spawnedRssMb, double spawnedHeapMb, double consoleRssMb,
                    double consoleHeapMb, double consoleCommittedMb, int consoleThreads, int members,
                    long transitionsSeen, long userEventsSeen, double load1) {

    static final String CSV_HEADER = "seconds,heap_used_after_gc_mb,heap_committed_mb,jvm_rss_mb,threads,"
            + "serf_rss_total_mb,spawned_members,spawned_rss_total_mb,spawned_heap_after_gc_total_mb,"
            + "console_rss_mb,console_heap_after_gc_mb,console_heap_committed_mb,console_threads,members,"
            + "transitions_seen,user_events_seen,load1";

    /** A spawned member's resident memory, on average (0 when none runs). */
    double spawnedRssPerMemberMb() {
        return spawned == 0 ? 0 : spawnedRssMb / spawned;
    }

    /** A spawned member's heap after GC, on average (0 when none runs). */
    double spawnedHeapPerMemberMb() {
        return spawned == 0 ? 0 : spawnedHeapMb / spawned;
    }

    String csv() {
        return String.format(Locale.ROOT, "%d,%.1f,%.1f,%.1f,%d,%.1f,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%d,%.2f",
                seconds,
                heapUsedMb, heapCommittedMb, rssMb, threads, serfRssMb, spawned, spawnedRssMb, spawnedHeapMb,
                consoleRssMb, consoleHeapMb, consoleCommittedMb, consoleThreads, members, transitionsSeen,
                userEventsSeen, load1);
    }

    /** Reads a line {@link #csv()} wrote (to re-plot or re-summarise a run's samples.csv). */
    static MemorySample parse(String line) {
        String[] f = line.strip().split(",");
        if (f.length != 17) {
            throw new IllegalArgumentException("samples.csv: expected 17 fields (" + CSV_HEADER + "), found "
                    + f.length + " in '" + line + "'");
        }
        try {
            return new MemorySample(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5]), Integer.parseInt(f[6]),
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]),
                    Double.parseDouble(f[10]), Double.parseDouble(f[11]), Integer.parseInt(f[12]),
                    Integer.parseInt(f[13]),
                    Long.parseLong(f[14]), Long.parseLong(f[15]), Double.parseDouble(f[16]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("samples.csv: a field is not a number in '" + line + "': "
                    + e.getMessage(), e);
        }
    }
}
