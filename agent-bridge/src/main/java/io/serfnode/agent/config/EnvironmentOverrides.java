package io.serfnode.agent.config;

import io.serfnode.model.SerfTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The original Serfnode's environment variables, which win over the file: {@code ROLE}, {@code PEER},
 * {@code SERF_IP}, {@code SERF_PORT}, {@code NODE_NAME}, {@code SERVICE_IP}, {@code SERVICE_PORT}. An empty
 * variable counts as unset, as it did in the original.
 */
final class EnvironmentOverrides {
    static final List<String> VARIABLES = List.of("ROLE", "PEER", "SERF_IP", "SERF_PORT", "NODE_NAME",
            "SERVICE_IP", "SERVICE_PORT");

    private EnvironmentOverrides() {
    }

    static SerfnodeConfig apply(SerfnodeConfig config, Map<String, String> environment, Problems problems) {
        SerfnodeConfig result = config;
        Optional<String> role = value(environment, "ROLE");
        if (role.isPresent()) {
            result = result.withRoles(SerfTags.parseRoles(role.get()));
        }
        Optional<String> peer = value(environment, "PEER");
        if (peer.isPresent()) {
            result = result.withJoin(peers(peer.get(), problems));
        }
        Optional<String> serfIp = checked(environment, "SERF_IP", MemberValues::ipProblem, problems);
        if (serfIp.isPresent()) {
            result = result.withSerfIp(serfIp.get());
        }
        Optional<Integer> serfPort = port(environment, "SERF_PORT", 1, problems);
        if (serfPort.isPresent()) {
            result = result.withSerfPort(serfPort.get());
        }
        Optional<String> nodeName = checked(environment, "NODE_NAME", MemberValues::nodeNameProblem, problems);
        if (nodeName.isPresent()) {
            result = result.withNodeName(nodeName.get());
        }
        Optional<String> serviceIp = checked(environment, "SERVICE_IP", MemberValues::ipProblem, problems);
        if (serviceIp.isPresent()) {
            result = result.withServiceIp(serviceIp.get());
        }
        Optional<Integer> servicePort = port(environment, "SERVICE_PORT", 0, problems);
        if (servicePort.isPresent()) {
            result = result.withServicePort(servicePort.get());
        }
        return result;
    }

    /** Several peers may be given, separated by blanks or commas. */
    private static List<String> peers(String value, Problems problems) {
        List<String> peers = new ArrayList<>();
        for (String peer : value.strip().split("[\\s,]+")) {
            Optional<String> problem = Addresses.joinAddressProblem(peer);
            if (problem.isPresent()) {
                problems.inVariable("PEER", problem.get());
            } else {
                peers.add(peer);
            }
        }
        return peers;
    }

    private static Optional<String> value(Map<String, String> environment, String variable) {
        return Optional.ofNullable(environment.get(variable)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Optional<String> checked(Map<String, String> environment, String variable,
                                            java.util.function.Function<String, Optional<String>> check,
                                            Problems problems) {
        Optional<String> value = value(environment, variable);
        if (value.isPresent()) {
            Optional<String> problem = check.apply(value.get());
            if (problem.isPresent()) {
                problems.inVariable(variable, problem.get());
                return Optional.empty();
            }
        }
        return value;
    }

    private static Optional<Integer> port(Map<String, String> environment, String variable, int min,
                                          Problems problems) {
        Optional<String> value = value(environment, variable);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> port = Addresses.port(value.get(), min);
        if (port.isEmpty()) {
            problems.inVariable(variable, "must be a port number (" + min + "-65535), not '" + value.get() + "'");
        }
        return port;
    }
}
