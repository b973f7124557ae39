package io.serfnode.bench.soak;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The heap of another JVM on this host, right after a full collection: the harness attaches to it (the JDK's
 * attach API, as {@code jcmd} does), starts its local management agent and asks its memory bean to collect
 * ({@code gc()}, what {@code jcmd PID GC.run} does) and then for the heap in use. The management agent costs the
 * target a few MiB of its own, the same in every sample.
 */
final class JvmProbe implements AutoCloseable {
    private final long pid;
    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final ThreadMXBean threads;
    private final DiagnosticCommands diagnostics;

    private JvmProbe(long pid, JMXConnector connector, MemoryMXBean memory, ThreadMXBean threads,
                     DiagnosticCommands diagnostics) {
        this.pid = pid;
        this.connector = connector;
        this.memory = memory;
        this.threads = threads;
        this.diagnostics = diagnostics;
    }

    static JvmProbe attach(long pid) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IOException("cannot attach to JVM " + pid + ": " + e.getMessage(), e);
        }
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = connector.getMBeanServerConnection();
        return new JvmProbe(pid, connector,
                ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                        MemoryMXBean.class),
                ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME,
                        ThreadMXBean.class),
                new DiagnosticCommands(server));
    }

    long pid() {
        return pid;
    }

    /** Collects, then reads the heap: used is live data after a full GC. */
    MemoryUsage heapAfterGc() {
        memory.gc();
        return memory.getHeapMemoryUsage();
    }

    DiagnosticCommands diagnostics() {
        return diagnostics;
    }

    int threads() {
        return threads.getThreadCount();
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException | RuntimeException gone) {
            // the JVM is gone or going: nothing to close
        }
    }
}
