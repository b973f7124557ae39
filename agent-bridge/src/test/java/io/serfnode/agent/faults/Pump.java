package io.serfnode.agent.faults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Copies bytes both ways between two connected channels until either side ends, then closes both. Uses
 * nothing but the JDK: {@link NamespaceRelay} runs it on a bare class path inside a network namespace.
 */
final class Pump {
    private Pump() {
    }

    static void between(SocketChannel one, SocketChannel other, String name) {
        Thread.ofPlatform().daemon().name(name + "-out").start(() -> copy(one, other));
        Thread.ofPlatform().daemon().name(name + "-in").start(() -> copy(other, one));
    }

    private static void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    static void closeQuietly(java.io.Closeable channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone: nothing left to release
        }
    }
}
