package io.serfnode.agent.serf.rpc;

import io.serfnode.agent.support.ComponentLog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ImmutableMapValue;
import org.msgpack.value.ImmutableValue;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

/**
 * One TCP connection to an agent's RPC endpoint. Requests are written under a lock; a reader thread
 * matches every reply header to its seq and lets the registered {@link SeqHandler} consume the body.
 */
final class RpcConnection implements AutoCloseable {
    private static final Value SEQ = ValueFactory.newString("Seq");
    private static final Value ERROR = ValueFactory.newString("Error");

    private final String role;
    private final InetSocketAddress address;
    private final Socket socket;
    private final OutputStream out;
    private final MessageUnpacker in;
    private final ComponentLog log;
    private final Consumer<SerfConnectionLostException> onLost;
    private final Map<Long, SeqHandler> handlers = new ConcurrentHashMap<>();
    private final AtomicLong lastSeq = new AtomicLong();
    private final Object writeLock = new Object();
    private volatile SerfConnectionLostException ended;
    private volatile boolean closing;

    private RpcConnection(String role, InetSocketAddress address, Socket socket, ComponentLog log,
            Consumer<SerfConnectionLostException> onLost) throws IOException {
        this.role = role;
        this.address = address;
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        this.in = MessagePack.newDefaultUnpacker(socket.getInputStream());
        this.log = log;
        this.onLost = onLost;
    }

    /**
     * Connects and starts the reader thread.
     *
     * @param onLost told when the connection ends unexpectedly (not on {@link #close()})
     */
    static RpcConnection open(String role, SerfRpcConfig config, ComponentLog log,
            Consumer<SerfConnectionLostException> onLost) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(config.address(), Math.toIntExact(Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis())));
            RpcConnection connection = new RpcConnection(role, config.address(), socket, log, onLost);
            Thread.ofPlatform().daemon().name("serf-rpc-" + role + "-" + config.member()).start(connection::readLoop);
            return connection;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new SerfConnectionLostException("cannot connect to serf agent RPC at " + describe(config.address())
                    + " (" + role + " connection): " + e.getMessage(), e);
        }
    }

    long nextSeq() {
        return lastSeq.incrementAndGet();
    }

    /** Sends a request whose single reply is read by {@code body} (null for header-only replies). */
    <T> CompletableFuture<T> call(RpcCommand command, BodyWriter request, BodyReader<T> body) {
        long seq = nextSeq();
        PendingCall<T> call = new PendingCall<>(command, body);
        register(seq, call);
        send(command, seq, request);
        return call.result();
    }

    void register(long seq, SeqHandler handler) {
        handlers.put(seq, handler);
        SerfConnectionLostException end = ended;
        if (end != null && handlers.remove(seq, handler)) {
            handler.onConnectionEnd(end, closing);
        }
    }

    void send(RpcCommand command, long seq, BodyWriter request) {
        SerfConnectionLostException end = ended;
        if (end != null) {
            throw end;
        }
        byte[] bytes;
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            SerfRpcEncoder.header(packer, command, seq);
            if (request != null) {
                request.write(packer);
            }
            packer.flush();
            bytes = packer.toByteArray();
        } catch (IOException e) {
            throw new SerfRpcException("cannot encode " + command.wireName() + " request", e);
        }
        try {
            synchronized (writeLock) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            SerfConnectionLostException lost = lost("sending " + command.wireName() + " failed: " + e.getMessage(), e);
            end(lost, false);
            throw ended;
        }
    }

    boolean isOpen() {
        return ended == null;
    }

    /** Ends the connection as failed with {@code cause}, e.g. because its sibling connection broke. */
    void abort(SerfConnectionLostException cause) {
        end(cause, false);
    }

    @Override
    public void close() {
        closing = true;
        end(new SerfConnectionLostException("serf RPC client for " + describe(address) + " was closed", null), true);
    }

    private void readLoop() {
        ResponseHeader next = null;
        try {
            while (ended == null) {
                ResponseHeader header = next != null ? next : SerfRpcDecoder.header(in);
                next = null;
                SeqHandler handler = handlers.get(header.seq());
                if (handler == null) {
                    next = skipUnknown(header);
                } else if (handler.onHeader(header, in)) {
                    handlers.remove(header.seq(), handler);
                }
            }
        } catch (MessageInsufficientBufferException e) {
            end(lost("the agent closed the connection", e), false);
        } catch (IOException e) {
            end(lost(e.getMessage() == null ? e.toString() : e.getMessage(), e), false);
        } catch (MessagePackException | SerfRpcException e) {
            end(lost("undecodable data from the agent: " + e.getMessage(), e), false);
        } catch (RuntimeException e) {
            end(lost("reader failed: " + e, e), false);
        }
    }

    /**
     * A header for a seq nobody waits for: the request was never ours or its handler is gone. Whether a
     * body follows is unknown, so read the next value and tell a header ({@code {Seq, Error}} exactly)
     * from a body by its shape.
     *
     * @return the next header if the value read was one, else null (a body, dropped)
     */
    private ResponseHeader skipUnknown(ResponseHeader header) throws IOException {
        log.debug("%s connection: reply for unknown seq %d dropped", role, header.seq());
        ImmutableValue value = in.unpackValue();
        if (value.isMapValue()) {
            ImmutableMapValue map = value.asMapValue();
            Map<Value, Value> fields = map.map();
            if (map.size() == 2 && fields.containsKey(SEQ) && fields.containsKey(ERROR)
                    && fields.get(SEQ).isIntegerValue()) {
                Value error = fields.get(ERROR);
                String text = error.isStringValue() ? error.asStringValue().asString()
                        : error.isBinaryValue() ? new String(error.asBinaryValue().asByteArray(), java.nio.charset.StandardCharsets.UTF_8) : "";
                return new ResponseHeader(fields.get(SEQ).asIntegerValue().toLong(), text);
            }
        }
        return null;
    }

    private SerfConnectionLostException lost(String why, Throwable cause) {
        return new SerfConnectionLostException("connection to serf agent RPC at " + describe(address) + " (" + role
                + " connection) lost: " + why, cause);
    }

    private void end(SerfConnectionLostException cause, boolean deliberate) {
        synchronized (this) {
            if (ended != null) {
                return;
            }
            ended = cause;
        }
        closeQuietly(socket);
        for (Map.Entry<Long, SeqHandler> entry : handlers.entrySet()) {
            if (handlers.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().onConnectionEnd(cause, deliberate);
            }
        }
        if (!deliberate) {
            log.warn("%s", cause.getMessage());
            onLost.accept(cause);
        }
    }

    private static String describe(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the socket is abandoned either way
        }
    }
}
