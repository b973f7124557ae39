package io.serfnode.agent.serf.rpc;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Records what a stream delivers, and on which threads. */
class RecordingCallback<T> implements StreamCallback<T> {
    final List<T> records = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final List<String> signals = new CopyOnWriteArrayList<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    final AtomicReference<Closeable> handle = new AtomicReference<>();

    @Override
    public void onStart(Closeable stream) {
        handle.set(stream);
        signals.add("start");
    }

    @Override
    public void onNext(T record) {
        threads.add(Thread.currentThread().getName());
        records.add(record);
    }

    @Override
    public void onError(Throwable failure) {
        error.set(failure);
        signals.add("error");
    }

    @Override
    public void onComplete() {
        signals.add("complete");
    }

    boolean completed() {
        return signals.contains("complete");
    }

    boolean failed() {
        return signals.contains("error");
    }
}
