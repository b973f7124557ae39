package io.serfnode.console.connection;

import io.serfnode.console.session.CommandListener;
import io.serfnode.model.command.Progress;
import io.serfnode.model.wire.ResultMessage;
import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps one command's progress, result or error. */
final class RecordingCommandListener implements CommandListener {
    final AtomicReference<Closeable> handle = new AtomicReference<>();
    final List<Progress> progress = new CopyOnWriteArrayList<>();
    final AtomicReference<ResultMessage> result = new AtomicReference<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();

    @Override
    public void onStart(Closeable started) {
        handle.set(started);
    }

    @Override
    public void onNext(Progress next) {
        progress.add(next);
    }

    @Override
    public void onError(Throwable failure) {
        error.set(failure);
    }

    @Override
    public void onComplete(ResultMessage answer) {
        result.set(answer);
    }

    boolean ended() {
        return result.get() != null || error.get() != null;
    }
}
