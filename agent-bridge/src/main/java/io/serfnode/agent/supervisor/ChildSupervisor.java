package io.serfnode.agent.supervisor;

import static io.serfnode.model.SupervisorState.BACKOFF;
import static io.serfnode.model.SupervisorState.EXITED;
import static io.serfnode.model.SupervisorState.FATAL;
import static io.serfnode.model.SupervisorState.RUNNING;
import static io.serfnode.model.SupervisorState.STARTING;
import static io.serfnode.model.SupervisorState.STOPPED;
import static io.serfnode.model.SupervisorState.STOPPING;
import static io.serfnode.model.SupervisorState.UNKNOWN;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.agent.runtime.ChildExit;
import io.serfnode.agent.runtime.ChildRuntime;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.SupervisorState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * supervisord's state machine for one child.
 *
 * <ul>
 * <li>start: STOPPED/EXITED/FATAL → STARTING; up for {@code startsecs} → RUNNING.</li>
 * <li>An exit during STARTING, or a failure to spawn, → BACKOFF; the n-th failure in a row waits n seconds
 *     before the next STARTING; once the failures exceed {@code startretries}, BACKOFF → FATAL.</li>
 * <li>An exit from RUNNING → EXITED; {@code autorestart} (true, false, or unexpected with {@code exitcodes})
 *     decides whether a new STARTING follows at once.</li>
 * <li>stop: STARTING/RUNNING → STOPPING (stop signal); the exit → STOPPED; still alive after
 *     {@code stopwaitsecs} → killed (again every {@code stopwaitsecs}, at least a second apart). BACKOFF → STOPPED.</li>
 * <li>restart: stop, then start once STOPPED; a new series of start attempts.</li>
 * <li>FATAL stays until an operator starts the child. UNKNOWN: the runtime lost track of the instance; stop
 *     kills what may remain.</li>
 * </ul>
 *
 * <p>Unlike supervisord, every operator start begins a new series of attempts (supervisord keeps counting
 * after a stop in BACKOFF), and an instance found left over by an earlier agent is adopted as STARTING.
 *
 * <p>Only the mailbox's thread touches the state; public methods post to it and may be called from anywhere.
 * Command results complete on that thread.
 */
public final class ChildSupervisor {
    private static final Duration MIN_KILL_REPEAT = Duration.ofSeconds(1);

    private final ChildSpec spec;
    private final SupervisionPolicy policy;
    private final ChildRuntime runtime;
    private final Mailbox mailbox;
    private final TransitionPublisher publisher;
    private final ComponentLog log;

    // owned by the mailbox thread
    private SupervisorState state = STOPPED;
    private RunningChild instance;
    private Mailbox.Timer timer;
    private int failures;
    private int attempt;
    private int restarts;
    private boolean everStarted;
    private boolean shuttingDown;
    private boolean startWhenStopped;
    private Integer lastExitCode;
    private String lastError;
    private final List<CompletableFuture<ChildCommandResult>> awaitingRunning = new ArrayList<>();
    private final List<CompletableFuture<ChildCommandResult>> awaitingRestart = new ArrayList<>();
    private final List<CompletableFuture<ChildCommandResult>> awaitingStopped = new ArrayList<>();

    private volatile ChildStatus status;

    public ChildSupervisor(ChildSpec spec, ChildRuntime runtime, Mailbox mailbox, TransitionPublisher publisher,
                           ComponentLog log) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.policy = spec.supervision();
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.log = Objects.requireNonNull(log, "log");
        this.status = ChildStatus.neverStarted(mailbox.now());
    }

    public String name() {
        return spec.name();
    }

    public ChildSpec spec() {
        return spec;
    }

    /** The latest status, readable from any thread. */
    public ChildStatus status() {
        return status;
    }

    /** Completes OK once RUNNING, FAILED if the child ends up FATAL or is stopped first. */
    public CompletionStage<ChildCommandResult> start() {
        return command(this::onStart);
    }

    /** Completes OK once STOPPED. */
    public CompletionStage<ChildCommandResult> stop() {
        return command(this::onStop);
    }

    /** Stops the child if needed, then starts it with a fresh series of attempts; completes like start. */
    public CompletionStage<ChildCommandResult> restart() {
        return command(this::onRestart);
    }

    /** Stops the child for good: later starts are refused and nothing restarts. Completes once it is down. */
    public CompletionStage<ChildCommandResult> shutdown() {
        return command(this::onShutdown);
    }

    /** Takes over an instance an earlier agent left running: STOPPED → STARTING with that instance. */
    public void adopt(RunningChild leftover) {
        mailbox.post(() -> onAdopt(leftover));
    }

    private CompletionStage<ChildCommandResult> command(Consumer<CompletableFuture<ChildCommandResult>> handler) {
        CompletableFuture<ChildCommandResult> result = new CompletableFuture<>();
        if (mailbox.isClosed()) {
            result.complete(ChildCommandResult.rejected(name(), status.state(), closedMessage()));
            return result;
        }
        mailbox.post(() -> handler.accept(result));
        return result;
    }

    // ---- commands, on the mailbox thread

    private void onStart(CompletableFuture<ChildCommandResult> result) {
        switch (state) {
            case STOPPED, EXITED, FATAL -> {
                if (shuttingDown) {
                    result.complete(ChildCommandResult.rejected(name(), state, closedMessage()));
                    return;
                }
                awaitingRunning.add(result);
                beginAttempts();
            }
            case STARTING, RUNNING, BACKOFF -> result.complete(ChildCommandResult.rejected(name(), state,
                    "child '" + name() + "' is already started (" + state + ")"));
            case STOPPING -> result.complete(ChildCommandResult.rejected(name(), state,
                    "child '" + name() + "' is stopping; restart it to start it again once it has stopped"));
            case UNKNOWN -> result.complete(ChildCommandResult.rejected(name(), state,
                    "the state of child '" + name() + "' is unknown; stop or restart it"));
        }
    }

    private void onStop(CompletableFuture<ChildCommandResult> result) {
        switch (state) {
            case STARTING, RUNNING -> {
                awaitingStopped.add(result);
                beginStopping();
            }
            case STOPPING -> {
                cancelPendingRestart("child '" + name() + "' was told to stop instead");
                awaitingStopped.add(result);
            }
            case BACKOFF -> {
                cancelTimer();
                enter(STOPPED, null);
                failAwaitingRunning("child '" + name() + "' was stopped before it was running");
                result.complete(ChildCommandResult.ok(name(), state, "child '" + name() + "' stopped"));
            }
            case UNKNOWN -> {
                forgetUnknownInstance();
                enter(STOPPED, null);
                result.complete(ChildCommandResult.ok(name(), state, "child '" + name() + "' stopped"));
            }
            case STOPPED, EXITED, FATAL -> result.complete(ChildCommandResult.rejected(name(), state,
                    "child '" + name() + "' is not running (" + state + ")"));
        }
    }

    private void onRestart(CompletableFuture<ChildCommandResult> result) {
        if (shuttingDown) {
            result.complete(ChildCommandResult.rejected(name(), state, closedMessage()));
            return;
        }
        switch (state) {
            case STARTING, RUNNING -> {
                awaitingRestart.add(result);
                startWhenStopped = true;
                beginStopping();
            }
            case STOPPING -> {
                awaitingRestart.add(result);
                startWhenStopped = true;
            }
            case BACKOFF -> {
                cancelTimer();
                enter(STOPPED, null);
                awaitingRunning.add(result);
                beginAttempts();
            }
            case UNKNOWN -> {
                forgetUnknownInstance();
                enter(STOPPED, null);
                awaitingRunning.add(result);
                beginAttempts();
            }
            case STOPPED, EXITED, FATAL -> {
                awaitingRunning.add(result);
                beginAttempts();
            }
        }
    }

    private void onShutdown(CompletableFuture<ChildCommandResult> result) {
        shuttingDown = true;
        if (state.isTerminal()) {
            result.complete(ChildCommandResult.ok(name(), state, "child '" + name() + "' is down (" + state + ")"));
        } else {
            onStop(result);
        }
    }

    private void onAdopt(RunningChild leftover) {
        if (state != STOPPED || instance != null || shuttingDown) {
            log.warn("child '%s' is %s; killing the leftover instance %s instead of adopting it", name(), state,
                    leftover.id());
            leftover.kill();
            return;
        }
        everStarted = true;
        failures = 0;
        attempt = 1;
        enter(STARTING, null);
        log.info("adopted leftover instance %s of child '%s'", leftover.id(), name());
        running(leftover);
    }

    // ---- the state machine, on the mailbox thread

    /** A new series of start attempts: operator start, restart or autorestart. */
    private void beginAttempts() {
        failures = 0;
        if (everStarted) {
            restarts++;
        }
        everStarted = true;
        spawn();
    }

    private void spawn() {
        attempt = failures + 1;
        lastError = null;
        enter(STARTING, null);
        RunningChild started;
        try {
            started = runtime.start(spec);
        } catch (ChildRuntimeException | RuntimeException e) {
            lastError = e.getMessage();
            log.warn("child '%s' could not be started (attempt %d): %s", name(), attempt, e.getMessage());
            backoff(null);
            return;
        }
        running(started);
    }

    private void running(RunningChild started) {
        instance = started;
        refreshStatus();
        started.onExit().whenComplete((exit, error) -> mailbox.post(() -> onExit(started, exit, error)));
        timer = mailbox.postAfter(policy.startSecs(), () -> onStartSecsElapsed(started));
    }

    private void onStartSecsElapsed(RunningChild started) {
        if (started != instance || state != STARTING) {
            return;
        }
        timer = null;
        failures = 0;
        enter(RUNNING, null);
        completeAll(awaitingRunning, ChildCommandResult.ok(name(), RUNNING, "child '" + name() + "' is running"));
    }

    private void onExit(RunningChild exited, ChildExit exit, Throwable error) {
        if (exited != instance) {
            return; // a report about an instance this supervisor already let go of
        }
        cancelTimer();
        if (error != null) {
            lastError = "the runtime lost track of the instance: " + error.getMessage();
            log.error(error, "child '%s': %s", name(), lastError);
            enter(UNKNOWN, null);
            failAwaitingRunning("child '" + name() + "': " + lastError);
            failAll(awaitingRestart, "child '" + name() + "': " + lastError);
            failAll(awaitingStopped, "child '" + name() + "': " + lastError);
            startWhenStopped = false;
            return;
        }
        instance = null;
        int code = exit.exitCode();
        lastExitCode = code;
        exited.remove();
        switch (state) {
            case STARTING -> {
                lastError = "exited too quickly with " + code;
                backoff(code);
            }
            case RUNNING -> {
                enter(EXITED, code);
                if (!shuttingDown && policy.restartsAfter(code)) {
                    beginAttempts();
                }
            }
            case STOPPING -> stopped(code);
            default -> log.warn("child '%s' exited with %d while %s", name(), code, state);
        }
    }

    private void backoff(Integer exitCode) {
        failures++;
        enter(BACKOFF, exitCode);
        if (failures > policy.startRetries()) {
            failures = 0;
            enter(FATAL, null);
            failAwaitingRunning("child '" + name() + "' is FATAL: " + attempt + " start attempts failed"
                    + (lastError == null ? "" : "; the last one: " + lastError));
            return;
        }
        timer = mailbox.postAfter(Duration.ofSeconds(failures), this::onBackoffElapsed);
    }

    private void onBackoffElapsed() {
        if (state == BACKOFF) {
            timer = null;
            spawn();
        }
    }

    private void beginStopping() {
        cancelTimer();
        RunningChild stopping = instance;
        enter(STOPPING, null);
        try {
            stopping.signal(policy.stopSignal());
        } catch (ChildRuntimeException e) {
            log.warn("child '%s': %s; it is killed after stopwaitsecs (%s)", name(), e.getMessage(),
                    policy.stopWait());
        }
        timer = mailbox.postAfter(policy.stopWait(), () -> onStopWaitElapsed(stopping));
    }

    private void onStopWaitElapsed(RunningChild stopping) {
        if (stopping != instance || state != STOPPING) {
            return;
        }
        log.warn("child '%s' (%s) is still alive %s after %s; killing it", name(), stopping.id(),
                policy.stopWait(), policy.stopSignal());
        stopping.kill();
        Duration again = policy.stopWait().compareTo(MIN_KILL_REPEAT) < 0 ? MIN_KILL_REPEAT : policy.stopWait();
        timer = mailbox.postAfter(again, () -> onStopWaitElapsed(stopping));
    }

    private void stopped(int exitCode) {
        enter(STOPPED, exitCode);
        completeAll(awaitingStopped, ChildCommandResult.ok(name(), STOPPED,
                "child '" + name() + "' stopped with exit code " + exitCode));
        failAwaitingRunning("child '" + name() + "' was stopped before it was running");
        if (startWhenStopped) {
            startWhenStopped = false;
            awaitingRunning.addAll(awaitingRestart);
            awaitingRestart.clear();
            if (shuttingDown) {
                failAwaitingRunning(closedMessage());
            } else {
                beginAttempts();
            }
        }
    }

    private void cancelPendingRestart(String why) {
        if (startWhenStopped) {
            startWhenStopped = false;
            failAll(awaitingRestart, why);
        }
    }

    private void forgetUnknownInstance() {
        if (instance != null) {
            instance.kill();
            instance = null;
        }
    }

    private void enter(SupervisorState to, Integer exitCode) {
        SupervisorState from = state;
        state = to;
        var now = mailbox.now();
        publisher.publish(name(), from, to, now, exitCode, attempt,
                counter -> status = new ChildStatus(to, now, pidOf(instance), containerIdOf(instance),
                        lastExitCode, attempt, restarts, counter));
    }

    /** The instance changed without a transition (its pid became known). */
    private void refreshStatus() {
        ChildStatus current = status;
        status = new ChildStatus(current.state(), current.since(), pidOf(instance), containerIdOf(instance),
                lastExitCode, attempt, restarts, current.counter());
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void failAwaitingRunning(String message) {
        failAll(awaitingRunning, message);
    }

    private void failAll(List<CompletableFuture<ChildCommandResult>> waiting, String message) {
        completeAll(waiting, ChildCommandResult.failed(name(), state, message));
    }

    private static void completeAll(List<CompletableFuture<ChildCommandResult>> waiting, ChildCommandResult result) {
        List<CompletableFuture<ChildCommandResult>> done = List.copyOf(waiting);
        waiting.clear();
        done.forEach(future -> future.complete(result));
    }

    private String closedMessage() {
        return "the supervisor of member '" + publisher.member() + "' is shutting down";
    }

    private static Long pidOf(RunningChild child) {
        if (child == null || child.pid().isEmpty()) {
            return null;
        }
        return child.pid().getAsLong();
    }

    private static String containerIdOf(RunningChild child) {
        return child == null ? null : child.containerId().orElse(null);
    }
}
