package io.serfnode.agent.serf.rpc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * An in-process stand-in for a Serf agent's RPC endpoint on 127.0.0.1, for unit tests of the client
 * only. It answers the handshake and auth itself and queues every other request; the test writes
 * replies, records and garbage in whatever order it needs.
 */
final class FakeSerfAgent implements AutoCloseable {
    private static final Set<String> WITHOUT_BODY = Set.of("members", "leave", "list-keys", "stats");

    private final ServerSocket server;
    private final BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private volatile String requiredAuthKey;

    FakeSerfAgent() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().name("fake-serf-accept").start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    FakeSerfAgent requireAuthKey(String key) {
        requiredAuthKey = key;
        return this;
    }

    /** The n-th accepted connection (0 = commands, 1 = streams for a {@link SerfRpcClient}). */
    Connection connection(int index) throws InterruptedException {
        while (connections.size() <= index) {
            Connection next = accepted.poll(20, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no connection #" + index + " to the fake agent");
            }
        }
        return connections.get(index);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Connection connection : connections) {
            connection.drop();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Connection connection = new Connection(server.accept());
                connections.add(connection);
                accepted.add(connection);
                Thread.ofVirtual().name("fake-serf-read").start(connection::readLoop);
            } catch (IOException e) {
                return;
            }
        }
    }

    record Request(String command, long seq, Value body) {
        Value field(String name) {
            return body.asMapValue().map().get(org.msgpack.value.ValueFactory.newString(name));
        }
    }

    @FunctionalInterface
    interface Writer {
        void write(MessagePacker out) throws IOException;
    }

    final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
        private final List<Request> all = new CopyOnWriteArrayList<>();

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream());
        }

        /** Every request seen on this connection, handshake and auth included. */
        List<Request> requests() {
            return all;
        }

        /** Waits for the next request other than handshake/auth and checks its command. */
        Request next(String command) throws InterruptedException {
            Request request = requests.poll(20, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no '" + command + "' request reached the fake agent");
            }
            if (!request.command().equals(command)) {
                throw new AssertionError("expected '" + command + "' but got " + request);
            }
            return request;
        }

        void reply(long seq, String error) throws IOException {
            send(header(seq, error));
        }

        void reply(long seq, String error, Writer body) throws IOException {
            send(header(seq, error), body);
        }

        /** Writes values back to back in one flush, so that they reach the client together. */
        synchronized void send(Writer... values) throws IOException {
            try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
                for (Writer value : values) {
                    value.write(packer);
                }
                packer.flush();
                out.write(packer.toByteArray());
                out.flush();
            }
        }

        void drop() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        private void readLoop() {
            try (MessageUnpacker in = MessagePack.newDefaultUnpacker(socket.getInputStream())) {
                while (true) {
                    Value header = in.unpackValue();
                    var map = header.asMapValue().map();
                    String command = map.get(org.msgpack.value.ValueFactory.newString("Command")).asStringValue().asString();
                    long seq = map.get(org.msgpack.value.ValueFactory.newString("Seq")).asIntegerValue().toLong();
                    Value body = WITHOUT_BODY.contains(command) ? null : in.unpackValue();
                    Request request = new Request(command, seq, body);
                    all.add(request);
                    if (command.equals("handshake")) {
                        reply(seq, "");
                    } else if (command.equals("auth")) {
                        String key = request.field("AuthKey").asStringValue().asString();
                        reply(seq, key.equals(requiredAuthKey) ? "" : "Invalid authentication token");
                    } else {
                        requests.add(request);
                    }
                }
            } catch (IOException | RuntimeException e) {
                drop();
            }
        }
    }

    static Writer header(long seq, String error) {
        return out -> {
            out.packMapHeader(2);
            out.packString("Seq").packLong(seq);
            out.packString("Error").packString(error);
        };
    }

    static Writer userEventRecord(long ltime, String name, byte[] payload) {
        return out -> {
            out.packMapHeader(5);
            out.packString("Event").packString("user");
            out.packString("LTime").packLong(ltime);
            out.packString("Name").packString(name);
            out.packString("Payload");
            if (payload == null) {
                out.packNil();
            } else {
                out.packBinaryHeader(payload.length).writePayload(payload);
            }
            out.packString("Coalesce").packBoolean(false);
        };
    }

    static Writer membersBody(byte[]... addresses) {
        return out -> {
            out.packMapHeader(1);
            out.packString("Members").packArrayHeader(addresses.length);
            for (int i = 0; i < addresses.length; i++) {
                member(out, "node-" + i, addresses[i]);
            }
        };
    }

    static void member(MessagePacker out, String name, byte[] address) throws IOException {
        out.packMapHeader(11);
        out.packString("Name").packString(name);
        out.packString("Addr").packBinaryHeader(address.length).writePayload(address);
        out.packString("Port").packInt(7946);
        out.packString("Tags").packMapHeader(1).packString("role").packString("web db");
        out.packString("Status").packString("alive");
        out.packString("ProtocolMin").packInt(1);
        out.packString("ProtocolMax").packInt(5);
        out.packString("ProtocolCur").packInt(2);
        out.packString("DelegateMin").packInt(2);
        out.packString("DelegateMax").packInt(5);
        out.packString("DelegateCur").packInt(4);
    }

    static Writer queryRecord(String type, String from, byte[] payload) {
        return out -> {
            out.packMapHeader(3);
            out.packString("Type").packString(type);
            out.packString("From").packString(from);
            out.packString("Payload");
            if (payload == null) {
                out.packNil();
            } else {
                out.packBinaryHeader(payload.length).writePayload(payload);
            }
        };
    }
}
