package io.serfnode.agent.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports that are free on an address for both TCP and UDP, as serf's gossip port needs. */
public final class FreePorts {
    private FreePorts() {
    }

    public static int pick(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            for (int attempt = 0; attempt < 50; attempt++) {
                int port;
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.bind(new InetSocketAddress(address, 0));
                    port = tcp.getLocalPort();
                }
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port))) {
                    return port;
                } catch (IOException taken) {
                    // the TCP port was free but its UDP twin is not: try another
                }
            }
            throw new IOException("no port free for both TCP and UDP on " + host + " after 50 tries");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
