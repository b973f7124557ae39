package io.serfnode.agent.api.ws;

import java.net.InetSocketAddress;

/** A client's address as {@code host:port} ({@code [v6]:port} for IPv6), and its host back. */
final class RemoteAddress {
    private RemoteAddress() {
    }

    static String format(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The host part of {@link #format}'s text; the text itself when it has no port. */
    static String host(String hostAndPort) {
        if (hostAndPort == null) {
            return "unknown";
        }
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 0 || (hostAndPort.startsWith("[") && !hostAndPort.substring(0, colon).endsWith("]"))) {
            return hostAndPort;
        }
        String host = hostAndPort.substring(0, colon);
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
