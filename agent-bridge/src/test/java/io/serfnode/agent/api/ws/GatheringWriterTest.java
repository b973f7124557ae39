package io.serfnode.agent.api.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatheringWriterTest {

    /** Records each write the socket gets; completes it at once, or fails it when told to. */
    private static final class RecordingSocket extends Writer {
        final List<String> writes = new CopyOnWriteArrayList<>();
        volatile IOException failure;

        @Override
        public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> whenWritten) {
            if (failure != null) {
                whenWritten.failed(failure);
                return;
            }
            writes.add(StandardCharsets.UTF_8.decode(buffer).toString());
            whenWritten.completed(buffer);
        }

        @Override
        public void close() {
        }
    }

    private static final class CountingHandler extends CompletionHandler<ByteBuffer> {
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public void completed(ByteBuffer result) {
            completed.incrementAndGet();
        }

        @Override
        public void failed(Throwable throwable) {
            failed.incrementAndGet();
        }
    }

    private final RecordingSocket socket = new RecordingSocket();
    private final GatheringWriter writer = new GatheringWriter(socket);
    private final CountingHandler handler = new CountingHandler();

    @AfterEach
    void stopGathering() throws IOException {
        socket.failure = null;
        GatheringWriter.flush();
    }

    @Test
    void writesTheFramesOfABatchInOneWriteInOrder() throws IOException {
        GatheringWriter.gather();
        writer.write(bytes("one,"), handler);
        writer.write(bytes("two,"), handler);
        writer.write(bytes("three"), handler);
        assertThat(socket.writes).isEmpty();
        assertThat(handler.completed).hasValue(3);

        GatheringWriter.flush();

        assertThat(socket.writes).containsExactly("one,two,three");
    }

    @Test
    void writesAtOnceWhenTheThreadIsNotGathering() {
        writer.write(bytes("close frame"), handler);

        assertThat(socket.writes).containsExactly("close frame");
    }

    @Test
    void writesACloseFrameAtOnceEvenWhileGathering() {
        GatheringWriter.gather();
        writer.write(bytes("event"), handler, new WriterInfo(WriterInfo.MessageType.TEXT,
                WriterInfo.RemoteEndpointType.BASIC));
        writer.write(bytes("close"), handler, new WriterInfo(WriterInfo.MessageType.CLOSE,
                WriterInfo.RemoteEndpointType.SUPER));

        assertThat(socket.writes).containsExactly("close");
    }

    @Test
    void writesOutALargeBatchAsItGoes() throws IOException {
        GatheringWriter.gather();
        byte[] big = new byte[GatheringWriter.FLUSH_BYTES];
        writer.write(ByteBuffer.wrap(big), handler);
        assertThat(socket.writes).hasSize(1);

        writer.write(bytes("tail"), handler);
        GatheringWriter.flush();

        assertThat(socket.writes).hasSize(2).last().isEqualTo("tail");
    }

    @Test
    void reportsAFailedWriteFromFlush() {
        GatheringWriter.gather();
        writer.write(bytes("lost"), handler);
        socket.failure = new IOException("broken pipe");

        assertThatThrownBy(GatheringWriter::flush).isInstanceOf(IOException.class).hasMessage("broken pipe");
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
