package io.serfnode.agent.serf.rpc;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.msgpack.core.MessageUnpacker;

/**
 * One {@code stream}, {@code monitor} or {@code query} on the stream connection: first a header-only
 * acknowledgement, then records of header and body. Once closed it stays registered as a tombstone
 * that reads and drops records, because Serf keeps sending what it had buffered after {@code stop}
 * (and ignores {@code stop} for queries, which run until their timeout).
 */
final class StreamSubscription<T> implements SeqHandler, SerfStream {
    private final long seq;
    private final RpcCommand command;
    private final BodyReader<T> reader;
    private final Predicate<T> last;
    private final StreamDispatcher<T> dispatcher;
    private final LongConsumer stopper;
    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean ackSeen;
    private volatile boolean open;

    StreamSubscription(long seq, RpcCommand command, BodyReader<T> reader, Predicate<T> last,
            StreamDispatcher<T> dispatcher, LongConsumer stopper) {
        this.seq = seq;
        this.command = command;
        this.reader = reader;
        this.last = last;
        this.dispatcher = dispatcher;
        this.stopper = stopper;
    }

    CompletableFuture<Void> acknowledged() {
        return acknowledged;
    }

    @Override
    public long seq() {
        return seq;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean onHeader(ResponseHeader header, MessageUnpacker in) throws IOException {
        if (!ackSeen) {
            ackSeen = true;
            if (header.failed()) {
                acknowledged.completeExceptionally(new SerfCommandException(command.wireName(), header.error(), null));
                return true;
            }
            if (!closed.get()) {
                open = true;
                dispatcher.start(this);
            }
            acknowledged.complete(null);
            return false;
        }
        T record = reader.read(in);
        boolean end = last.test(record);
        if (open) {
            dispatcher.next(record);
            if (end) {
                open = false;
                dispatcher.complete();
            }
        }
        return end;
    }

    @Override
    public void onConnectionEnd(SerfConnectionLostException cause, boolean deliberate) {
        open = false;
        acknowledged.completeExceptionally(cause);
        if (deliberate) {
            dispatcher.complete();
        } else {
            dispatcher.error(cause);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            open = false;
            dispatcher.complete();
            stopper.accept(seq);
        }
    }

    @Override
    public String toString() {
        return command.wireName() + " stream #" + seq;
    }
}
