package io.serfnode.console.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback addresses and free ports for test agents. Each JVM starts at a random {@code 127.0.X.2} and counts
 * up, so that test runs sharing the machine rarely share an address; a port is handed out only when TCP and
 * UDP both bind it (serf gossips over both).
 */
final class LoopbackPorts {
    private static final int FIRST_HOST = 2;
    private static final int LAST_HOST = 254;
    private static final int MIN_PORT = 20_000;
    private static final int MAX_PORT = 32_000; // below Linux's ephemeral range, where client sockets land
    private static final int ATTEMPTS = 200;
    private static final int SUBNET_BASE = ThreadLocalRandom.current().nextInt(1, 255);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LoopbackPorts() {
    }

    static String nextAddress() {
        int index = NEXT.getAndIncrement();
        int hosts = LAST_HOST - FIRST_HOST + 1;
        int subnet = 1 + (SUBNET_BASE - 1 + index / hosts) % 254;
        return "127.0." + subnet + "." + (FIRST_HOST + index % hosts);
    }

    /** {@code count} different ports on {@code ip} where TCP and UDP both bind right now. */
    static int[] freePorts(String ip, int count) {
        Set<Integer> taken = new HashSet<>();
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = freePort(ip, taken);
            taken.add(ports[i]);
        }
        return ports;
    }

    private static int freePort(String ip, Set<Integer> taken) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(MIN_PORT, MAX_PORT);
            if (!taken.contains(port) && bindsTcpAndUdp(ip, port)) {
                return port;
            }
        }
        throw new IllegalStateException("no port in " + MIN_PORT + ".." + MAX_PORT + " on " + ip
                + " was free for both TCP and UDP after " + ATTEMPTS + " attempts");
    }

    private static boolean bindsTcpAndUdp(String ip, int port) {
        try {
            InetAddress address = InetAddress.getByName(ip);
            try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(null)) {
                tcp.bind(new InetSocketAddress(address, port));
                udp.bind(new InetSocketAddress(address, port));
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }
}
