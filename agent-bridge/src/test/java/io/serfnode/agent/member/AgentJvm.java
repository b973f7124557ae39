package io.serfnode.agent.member;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code serfnode agent} in a JVM of its own, built from the module path this test runs on, so that a test
 * can crash an agent for real: SIGKILL, no shutdown hook, nothing stopped or left gracefully.
 */
public final class AgentJvm {
    private static final String MAIN = "io.serfnode.agent/io.serfnode.agent.cli.SerfnodeCommand";

    private final Process process;

    private AgentJvm(Process process) {
        this.process = process;
    }

    /** Starts {@code serfnode agent <arguments>}; its output goes to {@code output}. */
    public static AgentJvm start(List<String> arguments, Path output) throws IOException {
        return start(List.of(), arguments, output);
    }

    /**
     * Starts {@code serfnode agent <arguments>} through {@code launcher} (a command that ends by exec'ing the
     * rest of its arguments, so the agent keeps its pid); its output goes to {@code output}.
     */
    public static AgentJvm start(List<String> launcher, List<String> arguments, Path output) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new AssertionError("the path of this JVM's java launcher is unknown"));
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath == null || modulePath.isBlank()) {
            fail("jdk.module.path is not set, so the agent's modules cannot be found; run this test through "
                    + "Maven (failsafe puts the agent and its dependencies on the module path)");
        }
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(java,
                "-Djava.util.logging.manager=io.serfnode.agent.support.ShutdownSafeLogManager",
                "-p", modulePath, "-m", MAIN, "agent"));
        command.addAll(arguments);
        Files.createDirectories(output.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        return new AgentJvm(process);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The serf agents this JVM runs now. */
    public List<ProcessHandle> serfProcesses() {
        return process.descendants()
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/serf")).orElse(false))
                .toList();
    }

    /** SIGTERM, as an operator stops the agent; true when the JVM ended within {@code seconds}. */
    public boolean stop(long seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** SIGKILL, as a crash: the agent gets no chance to stop anything. Waits until the JVM is gone. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the agent JVM (pid " + pid() + ") survived SIGKILL for 30 s");
        }
    }
}
