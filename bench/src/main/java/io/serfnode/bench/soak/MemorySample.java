package io.serfnode.bench.soak;

/**
 * One sample, every {@code sampleEvery}.
 *
 * @param seconds        since the soak started
 * @param heapUsedMb     heap in use right after a full collection (live data, not garbage waiting)
 * @param heapCommittedMb heap the JVM holds from the OS
 * @param rssMb          resident memory of the JVM that runs the members and the client
 * @param serfRssMb      resident memory of all members' serf agents together
 * @param threads        live threads of that JVM
 * @param members        members running
 * @param transitionsSeen distinct transitions the client received so far
 * @param userEventsSeen user events the client received so far
 */
record MemorySample(long seconds, double heapUsedMb, double heapCommittedMb, double rssMb, double serfRssMb,
                    int threads, int members, long transitionsSeen, long userEventsSeen) {

    static final String CSV_HEADER = "seconds,heap_used_after_gc_mb,heap_committed_mb,jvm_rss_mb,serf_rss_total_mb,"
            + "threads,members,transitions_seen,user_events_seen";

    String csv() {
        return String.format(java.util.Locale.ROOT, "%d,%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%d", seconds, heapUsedMb,
                heapCommittedMb, rssMb, serfRssMb, threads, members, transitionsSeen, userEventsSeen);
    }
}
