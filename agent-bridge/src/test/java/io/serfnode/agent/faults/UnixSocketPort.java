package io.serfnode.agent.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** A loopback TCP port in the test JVM that leads to a {@link NamespaceRelay}'s Unix socket. */
final class UnixSocketPort implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private UnixSocketPort(ServerSocketChannel server, Path socket) {
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("port-" + socket.getFileName()).start(() -> {
            int connection = 0;
            while (server.isOpen()) {
                try {
                    SocketChannel client = server.accept();
                    try {
                        SocketChannel relay = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                        Pump.between(client, relay, "port-" + connection++);
                    } catch (IOException e) {
                        Pump.closeQuietly(client);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    static UnixSocketPort open(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new UnixSocketPort(server, socket);
    }

    int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    @Override
    public void close() {
        Pump.closeQuietly(server);
        acceptor.interrupt();
    }
}
