package io.serfnode.bench.console;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Samples the machine's 1-minute load average once a second, since other builds share it. */
final class LoadSampler {
    private final ScheduledExecutorService timer;
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder samples = new LongAdder();

    private LoadSampler() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("load-sampler").factory());
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        timer.scheduleAtFixedRate(() -> {
            double load = os.getSystemLoadAverage();
            if (load >= 0) {
                sum.add(load);
                samples.increment();
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    static LoadSampler start() {
        return new LoadSampler();
    }

    /** Stops and gives the mean of the samples. */
    double stop() {
        timer.shutdownNow();
        return samples.sum() == 0 ? -1 : sum.sum() / samples.sum();
    }
}
