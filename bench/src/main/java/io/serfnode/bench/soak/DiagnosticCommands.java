package io.serfnode.bench.soak;

import java.io.IOException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * Runs {@code jcmd}'s diagnostic commands through a JVM's {@code DiagnosticCommand} bean: a class histogram
 * names what the heap holds, a native memory summary (the JVM started with {@code -XX:NativeMemoryTracking})
 * names what lives outside it. The soak keeps both so growth it sees can be explained afterwards.
 */
final class DiagnosticCommands {
    private static final String BEAN = "com.sun.management:type=DiagnosticCommand";

    private final MBeanServerConnection server;

    DiagnosticCommands(MBeanServerConnection server) {
        this.server = server;
    }

    /** {@code jcmd PID GC.class_histogram}: the first {@code lines} lines (the largest classes). */
    String classHistogram(int lines) throws IOException {
        String all = run("gcClassHistogram");
        return all.lines().limit(lines).reduce("", (text, line) -> text + line + "\n");
    }

    /** {@code jcmd PID VM.native_memory summary}; says so when the JVM tracks no native memory. */
    String nativeMemorySummary() throws IOException {
        return run("vmNativeMemory", "summary");
    }

    private String run(String operation, String... arguments) throws IOException {
        try {
            return (String) server.invoke(new ObjectName(BEAN), operation, new Object[] {arguments},
                    new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IOException("diagnostic command " + operation + " failed: " + e.getMessage(), e);
        }
    }
}
