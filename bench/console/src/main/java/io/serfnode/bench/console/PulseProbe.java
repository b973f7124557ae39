package io.serfnode.bench.console;

import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;

/**
 * Times every FX pulse from the inside: an {@link AnimationTimer} started before anything else marks the start
 * (the master timer runs timers in the order they were started, so this one runs before the console's UI batch),
 * and a post-scene pulse listener of the toolkit marks the end (after CSS, layout and the scene graph sync of every
 * window). Also samples, once per pulse and on the FX thread, a value of the console (the {@code seq} the view
 * model reached), and the time the collector held every thread (the collectors' pause time, in milliseconds as
 * the JVM counts it). Must be installed on the FX thread before the console is built.
 */
final class PulseProbe {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final int capacity;
    private final long[] starts;
    private final long[] ends;
    private final long[] cpu;
    private final long[] samples;
    private final long[] gcMillis;
    private final long[] runQueue;
    private int count;
    private long pulseStart;
    private long pulseCpu;
    private long pulseGc;
    private long pulseRunQueue;
    private volatile boolean measuring;
    private LongSupplier sampler = () -> 0;
    private Runnable afterPulse = () -> { };
    // the toolkit keeps pulse listeners in a weak map: hold on to ours
    private final TKPulseListener end = this::pulseEnded;
    private final AnimationTimer begin = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulseStart = System.nanoTime();
            pulseCpu = threads.getCurrentThreadCpuTime();
            pulseGc = gcMillisSoFar();
            pulseRunQueue = ThreadRunQueue.waitedNanos();
        }
    };

    PulseProbe(int capacity) {
        this.capacity = capacity;
        starts = new long[capacity];
        ends = new long[capacity];
        cpu = new long[capacity];
        samples = new long[capacity];
        gcMillis = new long[capacity];
        runQueue = new long[capacity];
    }

    void install() {
        begin.start();
        Toolkit.getToolkit().addPostSceneTkPulseListener(end);
    }

    void uninstall() {
        begin.stop();
        Toolkit.getToolkit().removePostSceneTkPulseListener(end);
    }

    /** What to sample at the end of every pulse, and what else to run there; FX thread only. */
    void watch(LongSupplier value, Runnable after) {
        sampler = value;
        afterPulse = after;
    }

    /** Forgets the pulses measured so far; FX thread only. */
    void clear() {
        count = 0;
    }

    void measuring(boolean on) {
        measuring = on;
    }

    private void pulseEnded() {
        long now = System.nanoTime();
        if (measuring && pulseStart != 0 && count < capacity) {
            starts[count] = pulseStart;
            ends[count] = now;
            cpu[count] = threads.getCurrentThreadCpuTime() - pulseCpu;
            samples[count] = sampler.getAsLong();
            gcMillis[count] = gcMillisSoFar() - pulseGc;
            long waited = ThreadRunQueue.waitedNanos();
            runQueue[count] = waited < 0 || pulseRunQueue < 0 ? -1 : waited - pulseRunQueue;
            count++;
        }
        pulseStart = 0;
        afterPulse.run();
    }

    /** Every collector's collection time so far: G1's young and mixed pauses, and its remark and cleanup pauses. */
    private long gcMillisSoFar() {
        long total = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    /** The pulses measured so far; read after {@link #measuring(boolean) measuring(false)} on the FX thread. */
    Pulses pulses() {
        return new Pulses(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count), Arrays.copyOf(cpu, count),
                Arrays.copyOf(samples, count), Arrays.copyOf(gcMillis, count), Arrays.copyOf(runQueue, count));
    }

    /**
     * Measured pulses, in order.
     *
     * @param starts  when each pulse's first animation timer ran ({@link System#nanoTime()})
     * @param ends    when its scenes were synced
     * @param cpu     the FX thread's CPU time in between (ns)
     * @param samples the sampled value at its end
     * @param gcMillis collection time the JVM counted in between (ms)
     * @param runQueue time the FX thread waited for a core in between (ns; -1 where the kernel does not say)
     */
    record Pulses(long[] starts, long[] ends, long[] cpu, long[] samples, long[] gcMillis, long[] runQueue) {
        int size() {
            return starts.length;
        }

        double[] workMillis() {
            double[] ms = new double[starts.length];
            for (int i = 0; i < ms.length; i++) {
                ms[i] = (ends[i] - starts[i]) / 1e6;
            }
            return ms;
        }

        double[] cpuMillis() {
            double[] ms = new double[cpu.length];
            for (int i = 0; i < ms.length; i++) {
                ms[i] = cpu[i] / 1e6;
            }
            return ms;
        }

        double[] runQueueMillis() {
            double[] ms = new double[runQueue.length];
            for (int i = 0; i < ms.length; i++) {
                ms[i] = runQueue[i] < 0 ? Double.NaN : runQueue[i] / 1e6;
            }
            return ms;
        }

        double[] intervalMillis() {
            double[] ms = new double[Math.max(0, starts.length - 1)];
            for (int i = 0; i < ms.length; i++) {
                ms[i] = (starts[i + 1] - starts[i]) / 1e6;
            }
            return ms;
        }
    }
}
