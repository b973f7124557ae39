package io.serfnode.bench.console;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Feeds {@link IngestCluster} at a steady rate on its own thread: every millisecond it delivers the events
 * that are due by then, so the rate holds over any second without bursts larger than one millisecond's worth.
 */
final class LoadGenerator {
    private final IngestCluster cluster;
    private final double eventsPerSecond;
    private final double seconds;
    private final AtomicLong delivered = new AtomicLong();
    private volatile long startNanos;
    private volatile long endNanos;
    private Thread thread;

    LoadGenerator(IngestCluster cluster, double eventsPerSecond, double seconds) {
        this.cluster = cluster;
        this.eventsPerSecond = eventsPerSecond;
        this.seconds = seconds;
    }

    void start() {
        thread = Thread.ofPlatform().name("load-generator").daemon().start(this::run);
    }

    void join() throws InterruptedException {
        thread.join();
    }

    long delivered() {
        return delivered.get();
    }

    long startNanos() {
        return startNanos;
    }

    long endNanos() {
        return endNanos;
    }

    private void run() {
        long start = System.nanoTime();
        startNanos = start;
        long total = Math.round(eventsPerSecond * seconds);
        long sent = 0;
        while (sent < total) {
            long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * eventsPerSecond));
            if (due > sent) {
                Instant now = Instant.now();
                for (; sent < due; sent++) {
                    cluster.next(now);
                }
                delivered.set(sent);
            }
            LockSupport.parkNanos(1_000_000);
        }
        endNanos = System.nanoTime();
    }
}
