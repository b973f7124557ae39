package io.serfnode.bench.console;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** CPU time of this JVM's threads at one moment, to tell what each part of a run spent. */
final class ThreadCpu {
    private record Thread(String name, long cpuNanos) {
    }

    private final Map<Long, Thread> threads;

    private ThreadCpu(Map<Long, Thread> threads) {
        this.threads = threads;
    }

    static ThreadCpu now() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Thread> all = new HashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                all.put(info.getThreadId(), new Thread(info.getThreadName(), cpu));
            }
        }
        return new ThreadCpu(all);
    }

    /** CPU time spent since {@code before}, summed by the part {@code partOf} names for each thread. */
    Map<String, Long> since(ThreadCpu before, Function<String, String> partOf) {
        Map<String, Long> parts = new TreeMap<>();
        threads.forEach((id, now) -> {
            Thread earlier = before.threads.get(id);
            long spent = now.cpuNanos() - (earlier == null ? 0 : earlier.cpuNanos());
            parts.merge(partOf.apply(now.name()), spent, Long::sum);
        });
        return parts;
    }

    /** CPU time of the whole process so far, or -1 where the JVM does not tell. */
    static long process() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
