package io.serfnode.bench.console;

import io.serfnode.console.session.ClusterSession;
import io.serfnode.console.session.CommandListener;
import io.serfnode.console.session.SessionUpdate;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.Progress;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.wire.ResultMessage;
import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The console's real session with clocks in front of the view model: when each {@code spawn-member} command
 * left, when its progress steps and result came back ({@link SpawnTrace}), and when each member's
 * {@code member-join} event arrived. Passes everything on unchanged.
 */
final class TimedSession extends ObservedSession {
    private final List<SpawnTrace> spawns = new CopyOnWriteArrayList<>();
    private final Map<String, Long> joins = new ConcurrentHashMap<>();

    TimedSession(ClusterSession delegate) {
        super(delegate);
    }

    @Override
    protected void observe(SessionUpdate update) {
        if (update instanceof SessionUpdate.EventReceived received
                && received.event().event() instanceof MemberJoined joined) {
            joins.putIfAbsent(joined.member().name(), System.nanoTime());
        }
    }

    @Override
    public void send(Command command, CommandListener listener) {
        if (!(command instanceof SpawnMember)) {
            super.send(command, listener);
            return;
        }
        SpawnTrace trace = new SpawnTrace(System.nanoTime());
        spawns.add(trace);
        super.send(command, new CommandListener() {
            @Override
            public void onStart(Closeable handle) {
                listener.onStart(handle);
            }

            @Override
            public void onNext(Progress progress) {
                trace.progress(progress, System.nanoTime());
                listener.onNext(progress);
            }

            @Override
            public void onError(Throwable failure) {
                trace.failed(failure);
                listener.onError(failure);
            }

            @Override
            public void onComplete(ResultMessage result) {
                trace.result(result, System.nanoTime());
                listener.onComplete(result);
            }
        });
    }

    /** Every spawn sent so far, in order. */
    List<SpawnTrace> spawns() {
        return List.copyOf(spawns);
    }

    /** When the member's first {@code member-join} event reached the session. */
    Optional<Long> joinOf(String member) {
        return Optional.ofNullable(joins.get(member));
    }
}
