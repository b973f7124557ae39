package io.serfnode.agent.supervisor;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.ChildExit;
import io.serfnode.agent.runtime.ChildRuntime;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import io.serfnode.model.RuntimeKind;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A runtime whose instances exit when the test says so; it remembers what it was asked to do. */
final class FakeRuntime implements ChildRuntime {
    final List<FakeChild> started = new ArrayList<>();
    final List<RunningChild> leftovers = new ArrayList<>();
    private final Deque<String> startFailures = new ArrayDeque<>();
    private Integer exitAtOnce;
    private boolean ignoreStopSignal;
    private long nextPid = 1000;

    /** Every later instance exits with {@code code} as soon as it is started. */
    FakeRuntime crashingWith(int code) {
        exitAtOnce = code;
        return this;
    }

    FakeRuntime healthy() {
        exitAtOnce = null;
        return this;
    }

    /** Later instances exit only when killed. */
    FakeRuntime ignoringStopSignal() {
        ignoreStopSignal = true;
        return this;
    }

    /** The next start fails as if the program were missing. */
    FakeRuntime failingNextStart(String message) {
        startFailures.add(message);
        return this;
    }

    FakeChild last() {
        return started.getLast();
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.PROCESS;
    }

    @Override
    public RunningChild start(ChildSpec spec) throws ChildRuntimeException {
        if (!startFailures.isEmpty()) {
            throw new ChildRuntimeException(startFailures.poll());
        }
        FakeChild child = new FakeChild(spec.name(), nextPid++, ignoreStopSignal);
        started.add(child);
        if (exitAtOnce != null) {
            child.exit(exitAtOnce);
        }
        return child;
    }

    @Override
    public List<RunningChild> findLeftovers(String member, Collection<ChildSpec> wanted) {
        List<RunningChild> found = List.copyOf(leftovers);
        leftovers.clear();
        return found;
    }

    @Override
    public void close() {
    }

    static final class FakeChild implements RunningChild {
        final List<String> signals = new ArrayList<>();
        boolean killed;
        boolean removed;
        private final String name;
        private final long pid;
        private final boolean ignoreStopSignal;
        private final CompletableFuture<ChildExit> exit = new CompletableFuture<>();

        FakeChild(String name, long pid, boolean ignoreStopSignal) {
            this.name = name;
            this.pid = pid;
            this.ignoreStopSignal = ignoreStopSignal;
        }

        void exit(int code) {
            exit.complete(new ChildExit(code, Instant.EPOCH));
        }

        void lose(Throwable error) {
            exit.completeExceptionally(error);
        }

        boolean hasExited() {
            return exit.isDone();
        }

        @Override
        public String childName() {
            return name;
        }

        @Override
        public String id() {
            return Long.toString(pid);
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.of(pid);
        }

        @Override
        public Optional<String> containerId() {
            return Optional.empty();
        }

        @Override
        public CompletionStage<ChildExit> onExit() {
            return exit;
        }

        @Override
        public void signal(String signal) {
            signals.add(signal);
            if (!ignoreStopSignal) {
                exit(128 + 15);
            }
        }

        @Override
        public void kill() {
            killed = true;
            exit(128 + 9);
        }

        @Override
        public void remove() {
            removed = true;
        }
    }
}
