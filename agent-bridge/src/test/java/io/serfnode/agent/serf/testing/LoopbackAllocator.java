package io.serfnode.agent.serf.testing;

import io.serfnode.agent.support.FreePorts;
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

    /** A port on {@code ip} where TCP and UDP both bind right now, not handed out before in this JVM. */
    static int freePort(String ip) {
        return FreePorts.pick(ip);
    }
}
