package io.serfnode.agent.config;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of Docker's small languages: port publications, exposed ports and volume bindings. */
final class DockerSpecs {
    /** {@code [ip:][host[-end]:]container[-end][/proto]}; the ip may be an [IPv6] in brackets. */
    private static final Pattern PUBLICATION = Pattern.compile(
            "(?:(?<ip>\\[[^\\]]*\\]|[^:\\[\\]]+):)??(?:(?<host>[^:]*):)?(?<container>[^:/]+)(?:/(?<proto>[^/]*))?");
    private static final Pattern PORT_OR_RANGE = Pattern.compile("(?<first>\\d{1,9})(?:-(?<last>\\d{1,9}))?");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
    private static final Set<String> VOLUME_MODES = Set.of("ro", "rw", "z", "Z", "shared", "slave", "private",
            "rshared", "rslave", "rprivate", "nocopy", "consistent", "cached", "delegated");

    private DockerSpecs() {
    }

    /** Why {@code spec} is not a port publication, or empty when it is. */
    static Optional<String> publicationProblem(String spec) {
        Matcher matcher = PUBLICATION.matcher(spec);
        if (!matcher.matches()) {
            return Optional.of("'" + spec + "' is not a port mapping ([ip:]host:container[/protocol])");
        }
        String ip = matcher.group("ip");
        if (ip != null) {
            String bare = ip.startsWith("[") ? ip.substring(1, ip.length() - 1) : ip;
            if (!Addresses.isIpAddress(bare)) {
                return Optional.of("'" + ip + "' in port mapping '" + spec + "' is not an IP address");
            }
        }
        Optional<String> protocol = protocolProblem(matcher.group("proto"), spec);
        if (protocol.isPresent()) {
            return protocol;
        }
        Optional<Integer> containerPorts = rangeSize(matcher.group("container"));
        if (containerPorts.isEmpty()) {
            return Optional.of(notAPort(matcher.group("container"), spec));
        }
        String host = matcher.group("host");
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> hostPorts = rangeSize(host);
        if (hostPorts.isEmpty()) {
            return Optional.of(notAPort(host, spec));
        }
        if (hostPorts.get() != 1 && !hostPorts.equals(containerPorts)) {
            return Optional.of("port ranges in '" + spec + "' differ in length");
        }
        return Optional.empty();
    }

    /** Why {@code spec} is not an exposed port ({@code port[-end][/protocol]}), or empty when it is. */
    static Optional<String> exposedPortProblem(String spec) {
        int slash = spec.indexOf('/');
        String ports = slash < 0 ? spec : spec.substring(0, slash);
        Optional<String> protocol = protocolProblem(slash < 0 ? null : spec.substring(slash + 1), spec);
        if (protocol.isPresent()) {
            return protocol;
        }
        return rangeSize(ports).isPresent() ? Optional.empty() : Optional.of(notAPort(ports, spec));
    }

    /** Why {@code spec} is not a volume ({@code [source:]/container/path[:mode]}), or empty when it is. */
    static Optional<String> volumeProblem(String spec) {
        String[] parts = spec.split(":", -1);
        if (spec.isBlank() || parts.length > 3) {
            return Optional.of("'" + spec + "' is not a volume ([host-path-or-name:]/container/path[:mode])");
        }
        String container = parts.length == 1 ? parts[0] : parts[1];
        if (!container.startsWith("/")) {
            return Optional.of("the container path '" + container + "' in volume '" + spec + "' must be absolute");
        }
        if (parts.length == 2 && parts[0].isEmpty()) {
            return Optional.of("the source before ':' in volume '" + spec + "' is empty");
        }
        if (parts.length == 3) {
            for (String mode : parts[2].split(",", -1)) {
                if (!VOLUME_MODES.contains(mode)) {
                    return Optional.of("unknown volume mode '" + mode + "' in '" + spec + "' (use ro or rw)");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> protocolProblem(String protocol, String spec) {
        if (protocol == null || PROTOCOLS.contains(protocol)) {
            return Optional.empty();
        }
        return Optional.of("unknown protocol '" + protocol + "' in '" + spec + "' (tcp, udp or sctp)");
    }

    /** How many ports {@code text} names (a port or a range {@code first-last}), or empty when it is neither. */
    private static Optional<Integer> rangeSize(String text) {
        Matcher matcher = PORT_OR_RANGE.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Integer> first = Addresses.port(matcher.group("first"), 1);
        Optional<Integer> last = matcher.group("last") == null ? first : Addresses.port(matcher.group("last"), 1);
        if (first.isEmpty() || last.isEmpty() || last.get() < first.get()) {
            return Optional.empty();
        }
        return Optional.of(last.get() - first.get() + 1);
    }

    private static String notAPort(String text, String spec) {
        String where = text.equals(spec) ? "" : " in '" + spec + "'";
        return "'" + text + "'" + where + " is not a port number (1-65535) or range";
    }
}
