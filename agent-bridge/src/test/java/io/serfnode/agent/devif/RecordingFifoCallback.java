package io.serfnode.agent.devif;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Records what a {@link ParentFifo} delivers. */
class RecordingFifoCallback implements ParentFifoCallback {
    record Event(String name, String payload) {
    }

    record Rejection(String reason, String excerpt, long lineNumber) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    final List<String> signals = new CopyOnWriteArrayList<>();
    final AtomicReference<Closeable> handle = new AtomicReference<>();

    @Override
    public void onStart(Closeable fifo) {
        handle.set(fifo);
        signals.add("start");
    }

    @Override
    public void onEvent(String name, byte[] payload) {
        events.add(new Event(name, new String(payload, StandardCharsets.UTF_8)));
    }

    @Override
    public void onRejected(String reason, String excerpt, long lineNumber) {
        rejections.add(new Rejection(reason, excerpt, lineNumber));
    }

    @Override
    public void onError(Throwable error) {
        signals.add("error: " + error);
    }

    @Override
    public void onComplete() {
        signals.add("complete");
    }
}
