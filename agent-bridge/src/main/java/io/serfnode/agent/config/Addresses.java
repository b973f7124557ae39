package io.serfnode.agent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of IP addresses, host names and ports, without ever asking DNS. */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final String LABEL = "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
    private static final Pattern HOST_NAME = Pattern.compile("(?=.{1,253}$)" + LABEL + "(\\." + LABEL + ")*\\.?");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    private Addresses() {
    }

    static boolean isIpAddress(String text) {
        return IPV4.matcher(text).matches() || isIpv6(text);
    }

    private static boolean isIpv6(String text) {
        if (!text.contains(":") || !text.matches("[0-9A-Fa-f:.%\\w]+")) {
            return false;
        }
        try {
            // a text with ':' is parsed as an IPv6 literal, never looked up
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /** A port number from {@code min} to 65535, or empty when {@code text} is none. */
    static Optional<Integer> port(String text, int min) {
        if (!DIGITS.matcher(text).matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port >= min && port <= 65535 ? Optional.of(port) : Optional.empty();
    }

    /**
     * Why {@code address} cannot be joined, or empty when it can: {@code host}, {@code host:port},
     * {@code [ipv6]:port} or a bare IPv6 address; the host is an IP address or a DNS name.
     */
    static Optional<String> joinAddressProblem(String address) {
        if (address.isEmpty()) {
            return Optional.of("an address must not be empty");
        }
        if (isIpv6(address)) {
            return Optional.empty();
        }
        String host = address;
        String port = null;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0 || !isIpv6(address.substring(1, close))) {
                return Optional.of("'" + address + "' is not a valid [IPv6]:port address");
            }
            String rest = address.substring(close + 1);
            if (rest.isEmpty()) {
                return Optional.empty();
            }
            if (!rest.startsWith(":")) {
                return Optional.of("'" + address + "' must be [IPv6] or [IPv6]:port");
            }
            return port(rest.substring(1), 1).isPresent() ? Optional.empty()
                    : Optional.of("'" + rest.substring(1) + "' in '" + address + "' is not a port number (1-65535)");
        }
        int colon = address.lastIndexOf(':');
        if (colon >= 0) {
            host = address.substring(0, colon);
            port = address.substring(colon + 1);
        }
        if (!IPV4.matcher(host).matches() && !HOST_NAME.matcher(host).matches()) {
            return Optional.of("'" + address + "' is not an address (host, host:port or [IPv6]:port)");
        }
        if (port != null && port(port, 1).isEmpty()) {
            return Optional.of("'" + port + "' in '" + address + "' is not a port number (1-65535)");
        }
        return Optional.empty();
    }
}
