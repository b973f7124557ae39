package io.serfnode.console.testing;

import io.serfnode.agent.support.FreePorts;
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
        return FreePorts.pick(ip, count);
    }
}
