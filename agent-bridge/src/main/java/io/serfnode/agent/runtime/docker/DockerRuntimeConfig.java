package io.serfnode.agent.runtime.docker;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the Docker runtime reaches its engine and what it lets children do.
 *
 * @param dockerHost     the engine's API, {@code unix:///var/run/docker.sock} or {@code tcp://host:port}
 * @param pullPolicy     when images are pulled; by default never, so a missing image is a clear error
 * @param allowPrivileged whether a child may run privileged at all (then {@code privileged} in its spec decides)
 * @param network        which network children join; by default the member's own namespace
 * @param agentContainer the id or name of the container the agent itself runs in, or null when it runs on
 *                       the host; decides between {@code host} and {@code container:<id>} for
 *                       {@link ChildNetwork#member()} (in a container, its hostname is its short id)
 * @param linkAddress    the address that a child's link aliases resolve to when children share the host's
 *                       namespace (Docker refuses links there, so they become host entries)
 * @param requestTimeout how long one request to the engine may take before it counts as failed
 */
public record DockerRuntimeConfig(
        URI dockerHost,
        PullPolicy pullPolicy,
        boolean allowPrivileged,
        ChildNetwork network,
        String agentContainer,
        String linkAddress,
        Duration requestTimeout) {

    public static final URI DEFAULT_HOST = URI.create("unix:///var/run/docker.sock");

    /** The local engine, no pulls, nothing privileged, children in the member's namespace. */
    public static final DockerRuntimeConfig DEFAULTS = new DockerRuntimeConfig(
            DEFAULT_HOST, PullPolicy.NEVER, false, ChildNetwork.member(), null, "127.0.0.1", Duration.ofSeconds(60));

    public DockerRuntimeConfig {
        Objects.requireNonNull(dockerHost, "dockerHost");
        Objects.requireNonNull(pullPolicy, "pullPolicy");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(linkAddress, "linkAddress");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String scheme = dockerHost.getScheme();
        if (!"unix".equals(scheme) && !"tcp".equals(scheme) && !"npipe".equals(scheme)) {
            throw new IllegalArgumentException("docker host '" + dockerHost
                    + "': expected unix:///path/to/docker.sock or tcp://host:port");
        }
        if (agentContainer != null && agentContainer.isBlank()) {
            agentContainer = null;
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("docker request timeout must be positive: " + requestTimeout);
        }
    }

    /** The defaults, with {@code DOCKER_HOST} from {@code environment} when it is set. */
    public static DockerRuntimeConfig fromEnvironment(Map<String, String> environment) {
        String host = environment.get("DOCKER_HOST");
        return host == null || host.isBlank() ? DEFAULTS : DEFAULTS.withDockerHost(URI.create(host.strip()));
    }

    /** An agent running inside container {@code agentContainer}: children join its namespace. */
    public static DockerRuntimeConfig insideContainer(String agentContainer) {
        return DEFAULTS.withAgentContainer(Objects.requireNonNull(agentContainer, "agentContainer"));
    }

    /** The network mode handed to the engine for every child. */
    public String networkMode() {
        return network.dockerMode(agentContainer);
    }

    public DockerRuntimeConfig withDockerHost(URI value) {
        return new DockerRuntimeConfig(value, pullPolicy, allowPrivileged, network, agentContainer, linkAddress,
                requestTimeout);
    }

    public DockerRuntimeConfig withPullPolicy(PullPolicy value) {
        return new DockerRuntimeConfig(dockerHost, value, allowPrivileged, network, agentContainer, linkAddress,
                requestTimeout);
    }

    public DockerRuntimeConfig withAllowPrivileged(boolean value) {
        return new DockerRuntimeConfig(dockerHost, pullPolicy, value, network, agentContainer, linkAddress,
                requestTimeout);
    }

    public DockerRuntimeConfig withNetwork(ChildNetwork value) {
        return new DockerRuntimeConfig(dockerHost, pullPolicy, allowPrivileged, value, agentContainer, linkAddress,
                requestTimeout);
    }

    public DockerRuntimeConfig withAgentContainer(String value) {
        return new DockerRuntimeConfig(dockerHost, pullPolicy, allowPrivileged, network, value, linkAddress,
                requestTimeout);
    }

    public DockerRuntimeConfig withLinkAddress(String value) {
        return new DockerRuntimeConfig(dockerHost, pullPolicy, allowPrivileged, network, agentContainer, value,
                requestTimeout);
    }

    public DockerRuntimeConfig withRequestTimeout(Duration value) {
        return new DockerRuntimeConfig(dockerHost, pullPolicy, allowPrivileged, network, agentContainer, linkAddress,
                value);
    }
}
