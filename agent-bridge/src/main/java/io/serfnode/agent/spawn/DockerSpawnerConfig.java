package io.serfnode.agent.spawn;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DockerMemberSpawner} starts member containers: the member image and the engine. A member's
 * {@link NewMemberSettings#spawnDir()} keeps a copy of its configuration; its stop timeout is how long it may take
 * to leave before the engine kills its container.
 *
 * @param member         what every new member runs with (host networking: its addresses are the host's)
 * @param image          the member image ({@code make image} builds {@link #DEFAULT_IMAGE})
 * @param dockerHost     the engine that runs the containers; a {@code unix://} socket is also mounted into each
 *                       member at {@code /var/run/docker.sock}, so that it supervises Docker children of its own
 * @param requestTimeout how long one request to the engine may take
 */
public record DockerSpawnerConfig(NewMemberSettings member, String image, URI dockerHost, Duration requestTimeout) {

    /** The tag {@code make image} builds. */
    public static final String DEFAULT_IMAGE = "serfnode/member:latest";
    public static final URI DEFAULT_HOST = URI.create("unix:///var/run/docker.sock");

    public DockerSpawnerConfig {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(dockerHost, "dockerHost");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (image.isBlank()) {
            throw new IllegalArgumentException("the member image must be named (for example " + DEFAULT_IMAGE + ")");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive, was " + requestTimeout);
        }
    }

    /** Members of the default image on the local engine. */
    public static DockerSpawnerConfig of(NewMemberSettings member) {
        return new DockerSpawnerConfig(member, DEFAULT_IMAGE, DEFAULT_HOST, Duration.ofSeconds(60));
    }

    public DockerSpawnerConfig withImage(String value) {
        return new DockerSpawnerConfig(member, value, dockerHost, requestTimeout);
    }

    public DockerSpawnerConfig withDockerHost(URI value) {
        return new DockerSpawnerConfig(member, image, value, requestTimeout);
    }

    public DockerSpawnerConfig withRequestTimeout(Duration value) {
        return new DockerSpawnerConfig(member, image, dockerHost, value);
    }
}
