package io.serfnode.agent.supervisor;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.ChildRuntime;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The {@link Supervisor} of one member: a {@link ChildSupervisor} per child, each on its own mailbox. */
public final class ChildrenSupervisor implements Supervisor {
    private static final Duration SHUTDOWN_MARGIN = Duration.ofSeconds(10);

    private final String member;
    private final Map<String, ChildSupervisor> children;
    private final Map<RuntimeKind, ChildRuntime> runtimes;
    private final List<Mailbox> mailboxes = new ArrayList<>();
    private final TransitionPublisher publisher;
    private final ComponentLog log;
    private volatile boolean closed;
    private CompletionStage<List<ChildCommandResult>> shutdown;

    /**
     * @param stateDir  where the member's transition counter is kept
     * @param specs     the children, in the order they are started
     * @param runtimes  the runtime of each kind the children use
     * @param mailboxes opens the owner of each child's supervisor
     * @throws IllegalArgumentException for two children with the same name or a child whose runtime is missing
     * @throws IOException              when the transition counter cannot be read
     */
    public ChildrenSupervisor(String member, Path stateDir, List<ChildSpec> specs,
                              Map<RuntimeKind, ChildRuntime> runtimes, MailboxFactory mailboxes) throws IOException {
        this.member = Objects.requireNonNull(member, "member");
        this.runtimes = new EnumMap<>(RuntimeKind.class);
        this.runtimes.putAll(runtimes);
        this.log = ComponentLog.of(member, "supervisor");
        this.publisher = new TransitionPublisher(member, TransitionCounter.open(stateDir), log);
        this.children = new LinkedHashMap<>();
        for (ChildSpec spec : specs) {
            ChildRuntime runtime = this.runtimes.get(spec.runtime());
            if (runtime == null) {
                throw new IllegalArgumentException("child '" + spec.name() + "' needs the " + spec.runtime()
                        + " runtime, which member '" + member + "' does not have");
            }
            if (children.containsKey(spec.name())) {
                throw new IllegalArgumentException("member '" + member + "' has two children named '"
                        + spec.name() + "'");
            }
            Mailbox mailbox = mailboxes.open(spec.name());
            this.mailboxes.add(mailbox);
            children.put(spec.name(), new ChildSupervisor(spec, runtime, mailbox, publisher, log));
        }
    }

    /** A supervisor whose children each get a thread of their own. */
    public static ChildrenSupervisor open(String member, Path stateDir, List<ChildSpec> specs,
                                          Map<RuntimeKind, ChildRuntime> runtimes) throws IOException {
        return new ChildrenSupervisor(member, stateDir, specs, runtimes, ThreadMailbox.factory(member));
    }

    @Override
    public String member() {
        return member;
    }

    @Override
    public CompletionStage<List<ChildCommandResult>> startAll() {
        if (closed) {
            return CompletableFuture.completedFuture(List.of());
        }
        adoptLeftovers();
        // like supervisord: spawned in list order, each given its startsecs at the same time, so five
        // children take one startsecs to be RUNNING, not five
        List<CompletableFuture<ChildCommandResult>> started = children.values().stream()
                .map(child -> child.start().toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
                .thenApply(done -> started.stream().map(CompletableFuture::join).toList());
    }

    @Override
    public CompletionStage<List<ChildCommandResult>> stopAll() {
        return inSequence(List.copyOf(children.values()).reversed(), ChildSupervisor::stop);
    }

    @Override
    public CompletionStage<ChildCommandResult> start(String child) {
        return on(child, ChildSupervisor::start);
    }

    @Override
    public CompletionStage<ChildCommandResult> stop(String child) {
        return on(child, ChildSupervisor::stop);
    }

    @Override
    public CompletionStage<ChildCommandResult> restart(String child) {
        return on(child, ChildSupervisor::restart);
    }

    @Override
    public List<SupervisedChild> snapshot() {
        return children.values().stream()
                .map(child -> new SupervisedChild(child.spec().describe(), child.status()))
                .toList();
    }

    @Override
    public Optional<ChildStatus> status(String child) {
        return Optional.ofNullable(children.get(child)).map(ChildSupervisor::status);
    }

    @Override
    public Closeable subscribe(TransitionCallback callback) {
        return publisher.subscribe(callback);
    }

    @Override
    public synchronized CompletionStage<List<ChildCommandResult>> shutdown() {
        if (shutdown == null) {
            closed = true;
            shutdown = inSequence(List.copyOf(children.values()).reversed(), ChildSupervisor::shutdown);
        }
        return shutdown;
    }

    @Override
    public void close() {
        CompletionStage<List<ChildCommandResult>> down = shutdown();
        try {
            down.toCompletableFuture().get(shutdownLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error(e, "children did not all stop within %s", shutdownLimit());
        }
        mailboxes.forEach(Mailbox::close);
        publisher.complete();
    }

    private void adoptLeftovers() {
        for (ChildRuntime runtime : runtimes.values()) {
            List<? extends RunningChild> leftovers;
            try {
                leftovers = runtime.findLeftovers(member, children.values().stream()
                        .map(ChildSupervisor::spec).filter(spec -> spec.runtime() == runtime.kind()).toList());
            } catch (ChildRuntimeException e) {
                log.error(e, "could not look for leftovers of the %s runtime: %s", runtime.kind(), e.getMessage());
                continue;
            }
            for (RunningChild leftover : leftovers) {
                ChildSupervisor child = children.get(leftover.childName());
                if (child == null || child.spec().runtime() != runtime.kind()) {
                    log.info("ending leftover %s of child '%s', which this member no longer has", leftover.id(),
                            leftover.childName());
                    leftover.kill();
                    leftover.remove();
                } else {
                    child.adopt(leftover);
                }
            }
        }
    }

    private CompletionStage<ChildCommandResult> on(String child,
                                                   Function<ChildSupervisor, CompletionStage<ChildCommandResult>> command) {
        ChildSupervisor target = children.get(child);
        if (target == null) {
            return CompletableFuture.completedFuture(ChildCommandResult.rejected(String.valueOf(child),
                    SupervisorState.UNKNOWN, "member '" + member + "' has no child named '" + child + "'; it has "
                            + children.keySet()));
        }
        return command.apply(target);
    }

    private static CompletionStage<List<ChildCommandResult>> inSequence(
            List<ChildSupervisor> order, Function<ChildSupervisor, CompletionStage<ChildCommandResult>> command) {
        CompletionStage<List<ChildCommandResult>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (ChildSupervisor child : order) {
            chain = chain.thenCompose(results -> command.apply(child).thenApply(result -> {
                results.add(result);
                return results;
            }));
        }
        return chain.thenApply(List::copyOf);
    }

    /** Enough for every child to use its whole stop wait and be killed. */
    private Duration shutdownLimit() {
        Duration total = SHUTDOWN_MARGIN;
        for (ChildSupervisor child : children.values()) {
            total = total.plus(child.spec().supervision().stopWait()).plus(Duration.ofSeconds(2));
        }
        return total;
    }
}
