package io.serfnode.agent.devif;

import io.serfnode.agent.serf.rpc.MemberEventType;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code handlers/<event-name>} when an event arrives, if that file exists and is executable, the way
 * serf runs its own event handlers.
 *
 * <p>A handler gets the event on stdin: a user event's payload (with a newline added when it lacks one, as
 * serf does, so that a shell's {@code read} sees it), or for membership events one line per member
 * ({@link MemberEventLines}). Its environment is the agent's plus {@code SERFNODE_EVENT} (the event name),
 * {@code SERFNODE_MEMBER} (this member), {@code SERFNODE_STATE_DIR}, and serf's {@code SERF_EVENT}
 * ({@code user} or the membership event), {@code SERF_USER_EVENT} (user events) and {@code SERF_SELF_NAME}.
 * It runs in the state directory. Its output (stdout and stderr) is logged line by line.
 *
 * <p>Handlers run on a small bounded pool and never block the caller; a handler still running at the
 * timeout is killed with everything it started. Every failure is logged with its exit code and reported
 * to the {@link HandlerListener}. Handlers are looked up at each event, so they can be added at any time.
 */
public final class EventHandlers implements Closeable {
    /** Serf's {@code SERF_EVENT} value for user events. */
    static final String USER = "user";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final EventHandlersConfig config;
    private final String member;
    private final HandlerListener listener;
    private final ComponentLog log;
    private final ThreadPoolExecutor pool;

    public EventHandlers(EventHandlersConfig config, String member, HandlerListener listener, ComponentLog log) {
        this.config = Objects.requireNonNull(config, "config");
        this.member = Objects.requireNonNull(member, "member");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.log = Objects.requireNonNull(log, "log");
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(config.concurrency(), config.concurrency(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queueCapacity()), runnable -> {
                    Thread thread = new Thread(runnable, "serfnode-handler-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    public EventHandlersConfig config() {
        return config;
    }

    /** Runs the handler of a user event, if there is one. */
    public CompletableFuture<HandlerOutcome> onUserEvent(String name, byte[] payload) {
        Objects.requireNonNull(name, "name");
        byte[] stdin = withFinalNewline(payload == null ? new byte[0] : payload);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERF_EVENT", USER);
        environment.put("SERF_USER_EVENT", name);
        return submit(name, stdin, environment);
    }

    /** Runs the handler of a membership event ({@code handlers/member-join} …), if there is one. */
    public CompletableFuture<HandlerOutcome> onMemberEvent(MemberEventType type, List<Member> members) {
        Objects.requireNonNull(type, "type");
        byte[] stdin = MemberEventLines.of(List.copyOf(members)).getBytes(StandardCharsets.UTF_8);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERF_EVENT", type.wireName());
        return submit(type.wireName(), stdin, environment);
    }

    /** Kills running handlers, drops waiting ones (their outcome is {@code CANCELLED}) and stops the pool. */
    @Override
    public void close() {
        for (Runnable waiting : pool.shutdownNow()) {
            if (waiting instanceof Invocation invocation) {
                invocation.finish(HandlerOutcome.notRun(invocation.event, invocation.handler,
                        HandlerOutcome.Result.CANCELLED, "the handlers were closed before it started"));
            }
        }
        try {
            if (!pool.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("handlers still running %s after close", CLOSE_WAIT);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<HandlerOutcome> submit(String event, byte[] stdin, Map<String, String> serfEnvironment) {
        Optional<String> badName = EventNameRules.handlerNameProblem(event);
        if (badName.isPresent()) {
            Path where = config.handlersDir();
            return CompletableFuture.completedFuture(report(HandlerOutcome.notRun(event, where,
                    HandlerOutcome.Result.NOT_RUNNABLE, badName.get() + "; no handler can be selected")));
        }
        Path handler = config.handlersDir().resolve(event);
        if (!Files.exists(handler)) {
            return CompletableFuture.completedFuture(HandlerOutcome.notRun(event, handler,
                    HandlerOutcome.Result.NO_HANDLER, "no handler"));
        }
        if (!Files.isRegularFile(handler) || !Files.isExecutable(handler)) {
            return CompletableFuture.completedFuture(report(HandlerOutcome.notRun(event, handler,
                    HandlerOutcome.Result.NOT_RUNNABLE, handler + " exists but is not an executable file")));
        }
        Map<String, String> environment = new LinkedHashMap<>(serfEnvironment);
        environment.put("SERF_SELF_NAME", member);
        environment.put("SERFNODE_EVENT", event);
        environment.put("SERFNODE_MEMBER", member);
        environment.put("SERFNODE_STATE_DIR", config.stateDir().toAbsolutePath().toString());
        Invocation invocation = new Invocation(event, handler, stdin, environment);
        try {
            pool.execute(invocation);
        } catch (RejectedExecutionException full) {
            invocation.finish(HandlerOutcome.notRun(event, handler, HandlerOutcome.Result.REFUSED,
                    pool.isShutdown() ? "the handlers are closed"
                            : config.queueCapacity() + " invocations are already waiting"));
        }
        return invocation.outcome;
    }

    private HandlerOutcome report(HandlerOutcome outcome) {
        try {
            if (outcome.result().isFailure()) {
                log.warn("handler for '%s' %s%s: %s", outcome.event(), outcome.result(),
                        outcome.exitCode() == null ? "" : " (exit code " + outcome.exitCode() + ")", outcome.detail());
                listener.onFailed(outcome);
            } else if (outcome.result() == HandlerOutcome.Result.SUCCEEDED) {
                log.debug("handler %s for '%s' succeeded in %d ms", outcome.handler().getFileName(), outcome.event(),
                        outcome.duration().toMillis());
                listener.onSucceeded(outcome);
            }
        } catch (RuntimeException listenerFailed) {
            log.error(listenerFailed, "the handler listener failed");
        }
        return outcome;
    }

    /** One run of one handler: a task for the pool. */
    private final class Invocation implements Runnable {
        private final String event;
        private final Path handler;
        private final byte[] stdin;
        private final Map<String, String> environment;
        private final CompletableFuture<HandlerOutcome> outcome = new CompletableFuture<>();

        Invocation(String event, Path handler, byte[] stdin, Map<String, String> environment) {
            this.event = event;
            this.handler = handler;
            this.stdin = stdin;
            this.environment = environment;
        }

        void finish(HandlerOutcome result) {
            outcome.complete(report(result));
        }

        @Override
        public void run() {
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(handler.toAbsolutePath().toString())
                    .directory(config.stateDir().toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process;
            try {
                Files.createDirectories(config.stateDir());
                process = builder.start();
            } catch (IOException cannotStart) {
                finish(HandlerOutcome.notRun(event, handler, HandlerOutcome.Result.COULD_NOT_START,
                        "cannot start " + handler + ": " + cannotStart.getMessage()));
                return;
            }
            String label = handler.getFileName() + "[" + process.pid() + "]";
            Thread.ofVirtual().name("handler-stdin-" + process.pid()).start(() -> feed(process, label));
            Thread.ofVirtual().name("handler-output-" + process.pid()).start(() -> pump(process, label));
            try {
                if (process.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    int code = process.exitValue();
                    finish(new HandlerOutcome(event, handler,
                            code == 0 ? HandlerOutcome.Result.SUCCEEDED : HandlerOutcome.Result.FAILED,
                            code, since(started), code == 0 ? "exited normally" : label + " exited with code " + code));
                } else {
                    ProcessTrees.kill(process.toHandle());
                    process.waitFor();
                    finish(new HandlerOutcome(event, handler, HandlerOutcome.Result.TIMED_OUT, null, since(started),
                            label + " was still running after " + config.timeout() + " and was killed with its children"));
                }
            } catch (InterruptedException closing) {
                ProcessTrees.kill(process.toHandle());
                finish(new HandlerOutcome(event, handler, HandlerOutcome.Result.CANCELLED, null, since(started),
                        label + " was killed because the handlers were closed"));
            }
        }

        private void feed(Process process, String label) {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException handlerDidNotRead) {
                // a handler may ignore its stdin and exit before reading it
                log.debug("%s did not read its stdin: %s", label, handlerDidNotRead.getMessage());
            }
        }

        private void pump(Process process, String label) {
            long logged = 0;
            long dropped = 0;
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    if (logged < config.maxOutputBytes()) {
                        log.info("%s: %s", label, line);
                        logged += line.length() + 1;
                    } else {
                        dropped += line.length() + 1;
                    }
                }
            } catch (IOException closed) {
                // the process ended and its output was closed under us
            }
            if (dropped > 0) {
                log.warn("%s: %d more characters of output were not logged", label, dropped);
            }
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static byte[] withFinalNewline(byte[] payload) {
        if (payload.length == 0 || payload[payload.length - 1] == '\n') {
            return payload;
        }
        byte[] terminated = Arrays.copyOf(payload, payload.length + 1);
        terminated[payload.length] = '\n';
        return terminated;
    }
}
