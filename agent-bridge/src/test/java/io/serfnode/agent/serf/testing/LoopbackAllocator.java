package io.serfnode.agent.serf.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out loopback addresses and free ports for test agents. Each JVM starts at a random {@code 127.0.X.2} and
 * counts up, so that concurrent test runs rarely share an address; a port is handed out only after a TCP and a
 * UDP socket could both bind it (serf gossips over both).
 */
final class LoopbackAllocator {
    private static final int FIRST_HOST = 2;
    private static final int LAST_HOST = 254;
    private static final int MIN_PORT = 20_000;
    private static final int MAX_PORT = 32_000; // below Linux's ephemeral range, where client sockets land
    private static final int ATTEMPTS = 200;

    private static final int SUBNET_BASE = ThreadLocalRandom.current().nextInt(1, 255);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LoopbackAllocator() {
    }

    /** A loopback address no other agent of this JVM has had. */
    static String nextAddress() {
        int index = NEXT.getAndIncrement();
        int hosts = LAST_HOST - FIRST_HOST + 1;
        int subnet = 1 + (SUBNET_BASE - 1 + index / hosts) % 254;
        return "127.0." + subnet + "." + (FIRST_HOST + index % hosts);
    }

    /** A port on {@code ip} where TCP and UDP both bind right now. */
    static int freePort(String ip) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(MIN_PORT, MAX_PORT);
            if (bindsTcpAndUdp(ip, port)) {
                return port;
            }
        }
        throw new IllegalStateException("no port in " + MIN_PORT + ".." + MAX_PORT + " on " + ip
                + " was free for both TCP and UDP after " + ATTEMPTS + " attempts");
    }

    /** A second free port on {@code ip}, different from {@code taken}. */
    static int freePortOtherThan(String ip, int taken) {
        int port;
        do {
            port = freePort(ip);
        } while (port == taken);
        return port;
    }

    private static boolean bindsTcpAndUdp(String ip, int port) {
        try {
            InetAddress address = InetAddress.getByName(ip);
            try (ServerSocket tcp = new ServerSocket();
                 DatagramSocket udp = new DatagramSocket(null)) {
                tcp.bind(new InetSocketAddress(address, port));
                udp.bind(new InetSocketAddress(address, port));
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }
}
