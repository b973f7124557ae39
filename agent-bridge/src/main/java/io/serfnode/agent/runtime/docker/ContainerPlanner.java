package io.serfnode.agent.runtime.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumesFrom;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.model.RuntimeKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a child's spec into the container the engine creates for it, for one member and runtime config.
 * Bad input is rejected with an {@link IllegalArgumentException} naming the child, the key and the entry.
 *
 * <p>Docker refuses links (and port publishing, for {@code container:} mode) when a container shares another
 * namespace. So with {@code host} networking a link becomes a host entry that resolves the alias (and the
 * sibling's container name) to the member's address; with {@code container:} or {@code none} it is left out,
 * since the child shares the member's {@code /etc/hosts}. Each omission is recorded in the plan's notes.
 */
final class ContainerPlanner {
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern ENV_KEY = Pattern.compile("[^=\\x00]+");

    private final String member;
    private final DockerRuntimeConfig config;

    ContainerPlanner(String member, DockerRuntimeConfig config) {
        this.member = Objects.requireNonNull(member, "member");
        this.config = Objects.requireNonNull(config, "config");
    }

    ContainerPlan plan(ChildSpec spec) {
        String child = spec.name();
        if (spec.runtime() != RuntimeKind.DOCKER) {
            throw new IllegalArgumentException("child '" + child + "' is a " + spec.runtime()
                    + " child; the docker runtime only runs children with an image");
        }
        if (spec.privileged() && !config.allowPrivileged()) {
            throw new IllegalArgumentException("child '" + child + "' asks to run privileged, but this member does"
                    + " not allow privileged children (start the agent with --allow-privileged)");
        }
        String networkMode = config.networkMode();
        List<String> notes = new ArrayList<>();

        List<Bind> binds = new ArrayList<>();
        List<Volume> anonymous = new ArrayList<>();
        for (String volume : spec.volumes()) {
            addVolume(child, volume, binds, anonymous);
        }
        List<VolumesFrom> volumesFrom = new ArrayList<>();
        for (String entry : spec.volumesFrom()) {
            volumesFrom.add(volumesFrom(child, entry));
        }

        List<Link> links = new ArrayList<>();
        Set<String> extraHosts = new LinkedHashSet<>();
        for (String entry : spec.links()) {
            Link link = link(child, entry);
            if (isHost(networkMode)) {
                extraHosts.add(link.getAlias() + ":" + config.linkAddress());
                extraHosts.add(link.getName() + ":" + config.linkAddress());
            } else if (sharesNamespace(networkMode)) {
                notes.add("link '" + entry + "' is not given to Docker: with network mode " + networkMode
                        + " the child shares the member's network and /etc/hosts");
            } else {
                links.add(link);
            }
        }

        Set<ExposedPort> exposed = new LinkedHashSet<>();
        for (String entry : spec.expose()) {
            exposed.add(exposedPort(child, entry));
        }
        List<PortBinding> bindings = new ArrayList<>();
        for (String entry : spec.ports()) {
            bindings.add(portBinding(child, entry));
        }
        if (isHost(networkMode) || sharesNamespace(networkMode)) {
            if (!bindings.isEmpty()) {
                notes.add("ports " + spec.ports() + " are not published: with network mode " + networkMode
                        + " the child listens on the member's own addresses");
                bindings.clear();
            }
            if (!exposed.isEmpty() && sharesNamespace(networkMode)) {
                notes.add("expose " + spec.expose() + " is left out: Docker refuses it with network mode "
                        + networkMode);
                exposed.clear();
            }
        } else {
            bindings.forEach(binding -> exposed.add(binding.getExposedPort()));
        }

        return new ContainerPlan(
                ContainerNames.of(member, child),
                spec.image(),
                spec.command(),
                spec.entrypoint(),
                environment(child, spec.environment()),
                ContainerLabels.of(member, spec),
                workingDir(child, spec),
                spec.user() == null || spec.user().isBlank() ? null : spec.user(),
                networkMode,
                spec.privileged(),
                binds,
                anonymous,
                volumesFrom,
                links,
                List.copyOf(extraHosts),
                List.copyOf(exposed),
                bindings,
                notes);
    }

    private static boolean isHost(String networkMode) {
        return networkMode.equals("host");
    }

    /** Modes in which the container has no network namespace of its own to attach links or ports to. */
    private static boolean sharesNamespace(String networkMode) {
        return networkMode.startsWith("container:") || networkMode.equals("none");
    }

    private static void addVolume(String child, String entry, List<Bind> binds, List<Volume> anonymous) {
        String[] parts = entry.split(":", -1);
        if (parts.length == 1) {
            requireAbsolute(child, "volumes", entry, parts[0]);
            anonymous.add(new Volume(parts[0]));
            return;
        }
        if (parts.length > 3) {
            throw bad(child, "volumes", entry, "expected host-path:container-path[:mode] or name:container-path[:mode]");
        }
        String source = parts[0];
        if (!source.startsWith("/") && !VOLUME_NAME.matcher(source).matches()) {
            throw bad(child, "volumes", entry, "'" + source + "' is neither an absolute host path nor a volume name");
        }
        requireAbsolute(child, "volumes", entry, parts[1]);
        try {
            binds.add(Bind.parse(entry));
        } catch (IllegalArgumentException e) {
            throw bad(child, "volumes", entry, "unknown mode (expected ro or rw, and optionally z, Z, nocopy"
                    + " or a propagation mode)");
        }
    }

    private VolumesFrom volumesFrom(String child, String entry) {
        String[] parts = entry.split(":", -1);
        if (parts.length > 2 || parts[0].isBlank()) {
            throw bad(child, "volumes_from", entry, "expected child[:ro|rw]");
        }
        if (parts[0].equals(child)) {
            throw bad(child, "volumes_from", entry, "a child cannot mount its own volumes");
        }
        String container = ContainerNames.of(member, parts[0]);
        if (parts.length == 1) {
            return new VolumesFrom(container);
        }
        return switch (parts[1]) {
            case "ro" -> new VolumesFrom(container, AccessMode.ro);
            case "rw" -> new VolumesFrom(container, AccessMode.rw);
            default -> throw bad(child, "volumes_from", entry, "unknown mode '" + parts[1] + "' (expected ro or rw)");
        };
    }

    private Link link(String child, String entry) {
        String[] parts = entry.split(":", -1);
        if (parts.length > 2 || parts[0].isBlank() || (parts.length == 2 && parts[1].isBlank())) {
            throw bad(child, "links", entry, "expected child[:alias]");
        }
        if (parts[0].equals(child)) {
            throw bad(child, "links", entry, "a child cannot link to itself");
        }
        return new Link(ContainerNames.of(member, parts[0]), parts.length == 2 ? parts[1] : parts[0]);
    }

    private static ExposedPort exposedPort(String child, String entry) {
        try {
            return ExposedPort.parse(entry.strip());
        } catch (IllegalArgumentException e) {
            throw bad(child, "expose", entry, "expected port[/tcp|udp|sctp]");
        }
    }

    private static PortBinding portBinding(String child, String entry) {
        try {
            return PortBinding.parse(entry.strip());
        } catch (IllegalArgumentException e) {
            throw bad(child, "ports", entry, "expected [ip:]host-port:container-port[/tcp|udp|sctp]");
        }
    }

    private static List<String> environment(String child, Map<String, String> environment) {
        List<String> variables = new ArrayList<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(environment).entrySet()) {
            if (!ENV_KEY.matcher(entry.getKey()).matches()) {
                throw bad(child, "environment", entry.getKey(), "a variable name must be non-empty and contain no '='");
            }
            variables.add(entry.getKey() + "=" + (entry.getValue() == null ? "" : entry.getValue()));
        }
        return variables;
    }

    private static String workingDir(String child, ChildSpec spec) {
        if (spec.workingDir() == null) {
            return null;
        }
        // a container path, whatever the agent's own file system says
        String dir = spec.workingDir().toString().replace('\\', '/');
        requireAbsolute(child, "working_dir", dir, dir);
        return dir;
    }

    private static void requireAbsolute(String child, String key, String entry, String containerPath) {
        if (!containerPath.startsWith("/")) {
            throw bad(child, key, entry, "the container path '" + containerPath + "' must be absolute");
        }
    }

    private static IllegalArgumentException bad(String child, String key, String entry, String reason) {
        return new IllegalArgumentException("child '" + child + "', " + key + " entry '" + entry + "': " + reason);
    }
}
