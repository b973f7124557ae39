package io.serfnode.agent.support;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports that are free on an address for both TCP and UDP, as serf's gossip port needs. They are picked at random
 * below Linux's ephemeral range (32768 and up), where the kernel puts outgoing connections: a port picked there
 * can be taken by some client socket before the member binds it.
 *
 * <p>A port is free only until its user binds it, so the last {@link #REMEMBERED} ports handed out are not
 * handed out again, on any address: a member's gossip, RPC and WebSocket ports picked one after the other
 * never come out the same.
 */
public final class FreePorts {
    private static final int MIN_PORT = 20_000;
    private static final int MAX_PORT = 32_000;
    private static final int ATTEMPTS = 200;
    static final int REMEMBERED = 1_024;
    private static final Set<Integer> HANDED_OUT = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    private FreePorts() {
    }

    /** A port on {@code host} where TCP and UDP both bind right now. */
    public static int pick(String host) {
        return pick(host, 1)[0];
    }

    /** {@code count} different ports on {@code host} where TCP and UDP both bind right now. */
    public static int[] pick(String host, int count) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot pick a port on unknown host " + host, e);
        }
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = pick(address);
        }
        return ports;
    }

    private static int pick(InetAddress address) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(MIN_PORT, MAX_PORT);
            if (!wasHandedOut(port) && bindsTcpAndUdp(address, port) && handOut(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no port in " + MIN_PORT + ".." + MAX_PORT + " on "
                + address.getHostAddress() + " was free for both TCP and UDP after " + ATTEMPTS + " attempts");
    }

    private static boolean wasHandedOut(int port) {
        synchronized (HANDED_OUT) {
            return HANDED_OUT.contains(port);
        }
    }

    private static boolean handOut(int port) {
        synchronized (HANDED_OUT) {
            return HANDED_OUT.add(port);
        }
    }

    private static boolean bindsTcpAndUdp(InetAddress address, int port) {
        try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(null)) {
            tcp.bind(new InetSocketAddress(address, port));
            udp.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
