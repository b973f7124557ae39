package io.serfnode.agent.runtime.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumesFrom;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine is told when a child's container is created, already checked and with sibling
 * child names rewritten to their container names. {@code notes} say what of the spec was left out and why.
 */
record ContainerPlan(
        String name,
        String image,
        List<String> command,
        List<String> entrypoint,
        List<String> environment,
        Map<String, String> labels,
        String workingDir,
        String user,
        String networkMode,
        boolean privileged,
        List<Bind> binds,
        List<Volume> anonymousVolumes,
        List<VolumesFrom> volumesFrom,
        List<Link> links,
        List<String> extraHosts,
        List<ExposedPort> exposedPorts,
        List<PortBinding> portBindings,
        List<String> notes) {

    ContainerPlan {
        command = List.copyOf(command);
        entrypoint = List.copyOf(entrypoint);
        environment = List.copyOf(environment);
        labels = Map.copyOf(labels);
        binds = List.copyOf(binds);
        anonymousVolumes = List.copyOf(anonymousVolumes);
        volumesFrom = List.copyOf(volumesFrom);
        links = List.copyOf(links);
        extraHosts = List.copyOf(extraHosts);
        exposedPorts = List.copyOf(exposedPorts);
        portBindings = List.copyOf(portBindings);
        notes = List.copyOf(notes);
    }

    /** Fills {@code cmd}, a create command for {@link #image()}, with this plan. */
    CreateContainerCmd applyTo(CreateContainerCmd cmd) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(networkMode)
                .withPrivileged(privileged)
                .withBinds(binds)
                .withVolumesFrom(volumesFrom)
                .withLinks(links)
                .withExtraHosts(extraHosts.toArray(String[]::new))
                .withPortBindings(portBindings);
        cmd.withName(name)
                .withLabels(labels)
                .withEnv(environment)
                .withVolumes(anonymousVolumes)
                .withExposedPorts(exposedPorts)
                .withHostConfig(host);
        // empty means "the image's own": leave those unset rather than overriding them with nothing
        if (!command.isEmpty()) {
            cmd.withCmd(command);
        }
        if (!entrypoint.isEmpty()) {
            cmd.withEntrypoint(entrypoint);
        }
        if (workingDir != null) {
            cmd.withWorkingDir(workingDir);
        }
        if (user != null) {
            cmd.withUser(user);
        }
        return cmd;
    }
}
