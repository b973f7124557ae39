package io.serfnode.agent.serf.process;

import io.serfnode.agent.support.ComponentLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A serf agent running as a child process of this JVM. */
final class LocalSerfAgentProcess implements SerfAgentProcess {
    /** Bounds waiting for the last output after exit, in case something else still holds serf's stdout open. */
    private static final long OUTPUT_DRAIN_MILLIS = 2_000;
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    /**
     * Serf prints this once its RPC listener is up and its start_join succeeded. Waiting for it keeps a probe from
     * mistaking another process that holds the same RPC address for this agent.
     */
    static final String STARTUP_COMPLETE_LINE = "Log data will now stream in as it occurs";

    private final SerfAgentConfig config;
    private final SerfLaunchSettings settings;
    private final Process process;
    private final ComponentLog log;
    private final OutputRingBuffer output;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile boolean startupComplete;
    private final CompletableFuture<SerfExit> exit = new CompletableFuture<>();
    private final List<SerfExitListener> listeners = new ArrayList<>();
    private final Thread outputReader;

    LocalSerfAgentProcess(SerfAgentConfig config, SerfLaunchSettings settings, Process process, ComponentLog log) {
        this.config = config;
        this.settings = settings;
        this.process = process;
        this.log = log;
        this.output = new OutputRingBuffer(settings.outputLines());
        this.outputReader = Thread.ofPlatform().daemon().name("serf-output-" + config.nodeName()).start(this::readOutput);
        Thread.ofPlatform().daemon().name("serf-exit-" + config.nodeName()).start(this::watchExit);
    }

    @Override
    public SerfAgentConfig config() {
        return config;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException lastProbeFailure = null;
        while (true) {
            if (exit.isDone()) {
                SerfExit ended = exit.join();
                throw new SerfStartupException("serf agent '" + config.nodeName() + "' (pid " + ended.pid()
                        + ") exited with code " + ended.exitCode() + " before its RPC address " + config.rpcAddress()
                        + " was ready", recentOutput());
            }
            try {
                if (startupComplete && settings.readinessProbe().isReady(config)) {
                    log.debug("serf agent ready on %s", config.rpcAddress());
                    return;
                }
            } catch (IOException e) {
                lastProbeFailure = e;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new SerfStartupException("serf agent '" + config.nodeName() + "' (pid " + pid()
                        + ") was not ready on its RPC address " + config.rpcAddress() + " within " + timeout
                        + (startupComplete ? "" : " (serf has not reported a complete startup)")
                        + (lastProbeFailure == null ? "" : " (last probe: " + lastProbeFailure + ")"),
                        recentOutput(), lastProbeFailure);
            }
            awaitExit(Math.min(remaining, settings.probeInterval().toNanos()));
        }
    }

    @Override
    public SerfExit stopGracefully(Duration timeout) throws InterruptedException {
        stopRequested.set(true);
        if (exit.isDone()) {
            return exit.join();
        }
        sendLeaveSignal();
        SerfExit ended = awaitExit(timeout.toNanos());
        if (ended != null) {
            return ended;
        }
        log.warn("serf agent pid %d did not leave within %s; killing it", pid(), timeout);
        return kill();
    }

    @Override
    public SerfExit kill() throws InterruptedException {
        stopRequested.set(true);
        process.toHandle().destroyForcibly();
        SerfExit ended = awaitExit(KILL_WAIT.toNanos());
        if (ended == null) {
            throw new IllegalStateException("serf agent pid " + pid() + " survived SIGKILL for " + KILL_WAIT);
        }
        return ended;
    }

    @Override
    public void onExit(SerfExitListener listener) {
        synchronized (listeners) {
            if (!exit.isDone()) {
                listeners.add(listener);
                return;
            }
        }
        notifyListener(listener, exit.join());
    }

    @Override
    public List<String> recentOutput() {
        return output.snapshot();
    }

    @Override
    public void close() {
        try {
            stopGracefully(settings.closeTimeout());
        } catch (InterruptedException e) {
            process.toHandle().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "serf agent '" + config.nodeName() + "' pid " + pid();
    }

    /**
     * Serf leaves gracefully on SIGTERM only with leave_on_terminate, and on SIGINT unless skip_leave_on_interrupt;
     * SIGTERM is preferred because the JDK sends it natively. It goes through the process handle: Process.destroy()
     * would also close serf's output pipe, and serf, printing its shutdown message into it, would die of SIGPIPE
     * before it could leave.
     */
    private void sendLeaveSignal() {
        if (config.leaveOnTerminate()) {
            log.debug("sending SIGTERM to pid %d (leave_on_terminate)", pid());
            process.toHandle().destroy();
        } else if (!config.skipLeaveOnInterrupt()) {
            log.debug("sending SIGINT to pid %d", pid());
            if (!sendInterrupt()) {
                process.toHandle().destroy();
            }
        } else {
            log.warn("serf agent pid %d is configured to leave on neither SIGTERM nor SIGINT;"
                    + " other members will see it as failed", pid());
            process.toHandle().destroy();
        }
    }

    /** The JDK cannot send SIGINT itself, so the system's kill command does. */
    private boolean sendInterrupt() {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return false;
            }
            return kill.exitValue() == 0;
        } catch (IOException e) {
            log.warn(e, "cannot send SIGINT to pid %d; sending SIGTERM", pid());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits up to {@code nanos} for the exit; {@code null} when it has not happened yet. */
    private SerfExit awaitExit(long nanos) throws InterruptedException {
        try {
            return exit.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("watching serf agent pid " + pid() + " failed", e.getCause());
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String captured = line;
                output.add(captured);
                if (!startupComplete && captured.contains(STARTUP_COMPLETE_LINE)) {
                    startupComplete = true;
                }
                log.debug(() -> captured);
            }
        } catch (IOException e) {
            log.debug("output of pid %d ended: %s", pid(), e);
        }
    }

    private void watchExit() {
        int exitCode;
        try {
            exitCode = process.waitFor();
            outputReader.join(OUTPUT_DRAIN_MILLIS);
        } catch (InterruptedException e) {
            // only a daemon thread of our own; the process is still watched through Process.onExit
            process.onExit().thenRun(this::watchExit);
            return;
        }
        SerfExit ended = new SerfExit(pid(), exitCode, stopRequested.get());
        if (ended.expected()) {
            log.info("serf agent pid %d exited with code %d", ended.pid(), ended.exitCode());
        } else {
            log.warn("serf agent pid %d exited unexpectedly with code %d", ended.pid(), ended.exitCode());
        }
        List<SerfExitListener> toNotify;
        synchronized (listeners) {
            exit.complete(ended);
            toNotify = List.copyOf(listeners);
            listeners.clear();
        }
        toNotify.forEach(listener -> notifyListener(listener, ended));
    }

    private void notifyListener(SerfExitListener listener, SerfExit ended) {
        try {
            listener.onExit(this, ended);
        } catch (RuntimeException e) {
            log.error(e, "exit listener of serf agent pid %d failed", ended.pid());
        }
    }
}
