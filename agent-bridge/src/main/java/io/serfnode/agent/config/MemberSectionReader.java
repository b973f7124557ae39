package io.serfnode.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the {@code serfnode:} section: the member's own keys, and the child keys that are defaults for every
 * child.
 */
final class MemberSectionReader {
    static final List<String> MEMBER_KEYS = List.of("role", "peer", "join", "serf_ip", "serf_port", "service_ip",
            "service_port", "node_name");

    /** What the section holds: the member without its children, and the children's defaults. */
    record Section(SerfnodeConfig member, Defaults defaults) {
    }

    private MemberSectionReader() {
    }

    static Section read(Optional<YamlNode> section, Problems problems) {
        if (section.isEmpty() || section.get() instanceof YamlScalar scalar && scalar.isNull()) {
            return new Section(SerfnodeConfig.DEFAULTS, Defaults.NONE);
        }
        if (!(section.get() instanceof YamlMap map)) {
            problems.at(section.get().mark(), "'serfnode' must be a map of settings, not " + section.get().describe());
            return new Section(SerfnodeConfig.DEFAULTS, Defaults.NONE);
        }
        Fields fields = new Fields(map, "in 'serfnode'", problems);
        List<String> valid = Stream.concat(MEMBER_KEYS.stream(), ChildSettings.DEFAULT_KEYS.stream()).toList();
        Map<String, String> perChild = Map.of(
                "image", "cannot be a default for every child; give each child its own",
                "exec", "cannot be a default for every child; give each child its own",
                "command", "cannot be a default for every child; give each child its own",
                "entrypoint", "cannot be a default for every child; give each child its own",
                "links", "cannot be a default for every child; give each child its own");
        fields.rejectUnknownKeys(valid, perChild);
        return new Section(member(fields), new Defaults(ChildSettingsReader.read(fields)));
    }

    private static SerfnodeConfig member(Fields fields) {
        SerfnodeConfig config = SerfnodeConfig.DEFAULTS;
        Optional<List<Located>> roles = fields.words("role", "role");
        if (roles.isPresent()) {
            config = config.withRoles(roles.get().stream().map(Located::value).toList());
        }
        List<String> join = new ArrayList<>();
        fields.words("peer", "peer").ifPresent(peers -> join.addAll(addresses(peers, "peer", fields)));
        fields.list("join").ifPresent(addresses -> join.addAll(addresses(addresses, "join", fields)));
        config = config.withJoin(join);
        Optional<Located> serfIp = checked(fields, "serf_ip", MemberValues::ipProblem);
        if (serfIp.isPresent()) {
            config = config.withSerfIp(serfIp.get().value());
        }
        Optional<Integer> serfPort = port(fields, "serf_port", 1);
        if (serfPort.isPresent()) {
            config = config.withSerfPort(serfPort.get());
        }
        Optional<Located> serviceIp = checked(fields, "service_ip", MemberValues::ipProblem);
        if (serviceIp.isPresent()) {
            config = config.withServiceIp(serviceIp.get().value());
        }
        Optional<Integer> servicePort = port(fields, "service_port", 0);
        if (servicePort.isPresent()) {
            config = config.withServicePort(servicePort.get());
        }
        Optional<Located> nodeName = checked(fields, "node_name", MemberValues::nodeNameProblem);
        if (nodeName.isPresent()) {
            config = config.withNodeName(nodeName.get().value());
        }
        return config;
    }

    private static List<String> addresses(List<Located> addresses, String key, Fields fields) {
        List<String> valid = new ArrayList<>();
        for (Located address : addresses) {
            Optional<String> problem = Addresses.joinAddressProblem(address.value());
            if (problem.isPresent()) {
                fields.problems().at(address.mark(), problem.get() + " ('" + key + "' " + fields.where() + ")");
            } else {
                valid.add(address.value());
            }
        }
        return valid;
    }

    private static Optional<Located> checked(Fields fields, String key,
                                             java.util.function.Function<String, Optional<String>> check) {
        Optional<Located> value = fields.nonBlankString(key);
        if (value.isPresent()) {
            Optional<String> problem = check.apply(value.get().value().strip());
            if (problem.isPresent()) {
                fields.problems().at(value.get().mark(), "'" + key + "' " + fields.where() + " " + problem.get());
                return Optional.empty();
            }
            return Optional.of(new Located(value.get().value().strip(), value.get().mark()));
        }
        return value;
    }

    private static Optional<Integer> port(Fields fields, String key, int min) {
        Optional<Located> value = fields.scalar(key, "a port number");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> port = Addresses.port(value.get().value().strip(), min);
        if (port.isEmpty()) {
            fields.problems().at(value.get().mark(), "'" + key + "' " + fields.where() + " must be a port number ("
                    + min + "-65535), not '" + value.get().value() + "'");
        }
        return port;
    }
}
