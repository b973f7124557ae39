package io.serfnode.agent.devif;

import io.serfnode.agent.support.ComponentLog;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;

/**
 * The FIFO {@code parent} in the state directory, through which children raise cluster events: each line
 * {@code ["event-name", payload]} becomes {@link ParentFifoCallback#onEvent}, anything else
 * {@link ParentFifoCallback#onRejected} (logged too), and the reader carries on with the next line.
 *
 * <p>An existing FIFO is reused, so children keep their path across agent restarts. The FIFO is opened for
 * reading and writing at once: the agent then counts as a writer itself, so the reader never sees end of
 * file when children close their end, and opening never waits for a first writer. While no agent has it
 * open, children's attempts to open it for writing wait, so nothing is lost between restarts; a child that
 * keeps the FIFO open across an agent restart gets a broken pipe. Lines of at most 4 KiB written in one
 * {@code write} never interleave with other children's.
 *
 * <p>{@link #close()} stops the reader thread and leaves the FIFO in place.
 */
public final class ParentFifo implements Closeable {
    private static final int READ_CHUNK = 8192;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ParentFifoConfig config;
    private final ParentFifoCallback callback;
    private final ComponentLog log;
    private final FileChannel channel;
    private final Thread reader;
    private final ParentLineClassifier classifier;
    private volatile boolean closed;

    private ParentFifo(ParentFifoConfig config, ParentFifoCallback callback, ComponentLog log, FileChannel channel) {
        this.config = config;
        this.classifier = new ParentLineClassifier(config.maxLineBytes(), config.eventCheck());
        this.callback = callback;
        this.log = log;
        this.channel = channel;
        this.reader = new Thread(this::readLines, "serfnode-parent-fifo");
        this.reader.setDaemon(true);
    }

    /**
     * Creates the FIFO if it is missing and starts reading it on a thread of its own.
     *
     * @throws IllegalStateException when the path exists but is not a FIFO, or the FIFO cannot be created
     * @throws UncheckedIOException  when the FIFO cannot be opened
     */
    public static ParentFifo open(ParentFifoConfig config, ParentFifoCallback callback, ComponentLog log) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(log, "log");
        boolean created = Fifos.ensure(config.path(), config.permissions());
        FileChannel channel;
        try {
            channel = FileChannel.open(config.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException cannotOpen) {
            throw new UncheckedIOException("cannot open the FIFO " + config.path(), cannotOpen);
        }
        ParentFifo fifo = new ParentFifo(config, callback, log, channel);
        log.info("%s the FIFO %s", created ? "created" : "reusing", config.path());
        fifo.reader.start();
        return fifo;
    }

    public ParentFifoConfig config() {
        return config;
    }

    public boolean isOpen() {
        return !closed && reader.isAlive();
    }

    /** Stops the reader (a line being handled is finished first) and leaves the FIFO in place. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // an interrupt closes the channel and wakes a read blocked on the FIFO
        reader.interrupt();
        if (Thread.currentThread() != reader) {
            try {
                reader.join(CLOSE_WAIT);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (reader.isAlive()) {
                log.warn("the reader of %s did not stop within %s", config.path(), CLOSE_WAIT);
            }
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed by the interrupt
        }
    }

    private void readLines() {
        safely(() -> callback.onStart(this), "onStart");
        LineAssembler lines = new LineAssembler(config.maxLineBytes());
        ByteBuffer chunk = ByteBuffer.allocate(READ_CHUNK);
        Throwable failure = null;
        try {
            while (!closed) {
                chunk.clear();
                if (channel.read(chunk) < 0) {
                    throw new IOException("unexpected end of file on " + config.path());
                }
                chunk.flip();
                lines.accept(chunk, this::handleLine);
            }
        } catch (ClosedChannelException stopped) {
            if (!closed) {
                failure = stopped;
            }
        } catch (IOException | RuntimeException broken) {
            failure = broken;
        }
        if (failure == null || closed) {
            safely(callback::onComplete, "onComplete");
        } else {
            log.error(failure, "stopped reading %s", config.path());
            Throwable reported = failure;
            safely(() -> callback.onError(reported), "onError");
        }
    }

    private void handleLine(long lineNumber, byte[] bytes, long totalLength) {
        ParentLineClassifier.Classified line = classifier.classify(bytes, totalLength);
        switch (line.meaning()) {
            case ParentLine.Blank blank -> {
            }
            case ParentLine.Rejected rejected -> reject(rejected.reason(), line.text(), lineNumber);
            case ParentLine.Event event -> {
                log.debug("line %d raises event '%s' (%d bytes of payload)",
                        lineNumber, event.name(), event.payload().length);
                safely(() -> callback.onEvent(event.name(), event.payload()), "onEvent");
            }
        }
    }

    private void reject(String reason, String excerpt, long lineNumber) {
        log.warn("rejected line %d of %s: %s: %s", lineNumber, config.path(), reason, excerpt);
        safely(() -> callback.onRejected(reason, excerpt, lineNumber), "onRejected");
    }

    private void safely(Runnable call, String what) {
        try {
            call.run();
        } catch (RuntimeException failed) {
            log.error(failed, "the FIFO callback %s failed; reading goes on", what);
        }
    }

    static String excerpt(String line) {
        return ParentLineClassifier.excerpt(line);
    }
}
