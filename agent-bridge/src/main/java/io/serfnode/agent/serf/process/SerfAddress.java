package io.serfnode.agent.serf.process;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code host:port} address as serf takes it for bind, advertise, RPC and join addresses. The host is an IPv4
 * literal, an IPv6 literal or a host name; it is checked for form only, never resolved.
 */
public record SerfAddress(String host, int port) {
    private static final Pattern HOST_NAME =
            Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    public SerfAddress {
        Objects.requireNonNull(host, "host");
        String problem = hostProblem(host);
        if (problem != null) {
            throw new IllegalArgumentException("bad address host '" + host + "': " + problem);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "bad address '" + render(host, port) + "': port " + port + " is outside 1..65535");
        }
    }

    public static SerfAddress of(String host, int port) {
        return new SerfAddress(host, port);
    }

    /** Parses {@code host:port} or {@code [ipv6]:port}. */
    public static SerfAddress parse(String text) {
        Objects.requireNonNull(text, "address");
        String trimmed = text.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("bad address '" + text + "': expected host:port, e.g. 127.0.0.2:7946");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("bad address '" + text + "': write IPv6 hosts in brackets, e.g. [::1]:7946");
        }
        int port;
        try {
            port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "bad address '" + text + "': port '" + trimmed.substring(colon + 1) + "' is not a number");
        }
        return new SerfAddress(host, port);
    }

    public SerfAddress withPort(int newPort) {
        return new SerfAddress(host, newPort);
    }

    @Override
    public String toString() {
        return render(host, port);
    }

    private static String render(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String hostProblem(String host) {
        if (host.isBlank()) {
            return "it is empty";
        }
        if (host.contains(":")) {
            return host.matches("[0-9a-fA-F:.]+") ? null : "not a valid IPv6 literal";
        }
        if (DIGITS_AND_DOTS.matcher(host).matches()) {
            return ipv4Problem(host);
        }
        if (host.length() > 253 || !HOST_NAME.matcher(host).matches()) {
            return "neither an IP address nor a valid host name";
        }
        return null;
    }

    private static String ipv4Problem(String host) {
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4) {
            return "an IPv4 address has 4 dot-separated numbers";
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || Integer.parseInt(octet) > 255) {
                return "IPv4 part '" + octet + "' is not a number in 0..255";
            }
        }
        return null;
    }
}
