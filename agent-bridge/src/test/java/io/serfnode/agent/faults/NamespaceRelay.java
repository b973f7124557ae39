package io.serfnode.agent.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs inside a member's network namespace and passes each connection made to a Unix socket on to a TCP
 * address in that namespace. A Unix socket is a file, so the test JVM, outside every namespace the test
 * made, reaches a member's WebSocket API without giving the host an address in the test's network.
 *
 * <p>Usage: {@code NamespaceRelay SOCKET HOST PORT}. Ends when its standard input closes, so it never
 * outlives the test JVM that started it.
 */
public final class NamespaceRelay {
    private NamespaceRelay() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: NamespaceRelay SOCKET HOST PORT");
            System.exit(2);
        }
        Path socket = Path.of(args[0]);
        InetSocketAddress target = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofPlatform().daemon().name("stdin-watch").start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; end of input means the test JVM is gone
                }
            } catch (IOException ignored) {
                // a broken pipe means the same
            }
            System.exit(0);
        });
        System.out.println("relaying " + socket + " to " + target);
        System.out.flush();
        int connection = 0;
        while (true) {
            SocketChannel client = server.accept();
            try {
                SocketChannel upstream = SocketChannel.open(target);
                Pump.between(client, upstream, "relay-" + connection++);
            } catch (IOException e) {
                System.out.println("cannot reach " + target + ": " + e.getMessage());
                Pump.closeQuietly(client);
            }
        }
    }
}
