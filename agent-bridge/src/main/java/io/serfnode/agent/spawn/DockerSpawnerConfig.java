package io.serfnode.agent.spawn;

import io.serfnode.agent.api.ws.TlsFiles;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfProfile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DockerMemberSpawner} starts member containers: the member image, the engine, and mostly what the
 * spawner's own member runs with.
 *
 * @param image          the member image ({@code make image} builds {@link #DEFAULT_IMAGE})
 * @param dockerHost     the engine that runs the containers; a {@code unix://} socket is also mounted into each
 *                       member at {@code /var/run/docker.sock}, so that it supervises Docker children of its own
 * @param bindHost       the address the new members' serf binds to (host networking; a free port is picked on it)
 * @param join           the address the new members join through (the spawner's serf)
 * @param spawnDir       where a copy of each new member's configuration is kept, one directory per name
 * @param wsHost         the address the new members serve the WebSocket API on, or {@code null} for none
 * @param token          the API token, when {@code tokenFile} is not given
 * @param tokenFile      the API token file every member shares, or {@code null} to use {@code token}
 * @param tls            the API's certificate and key, or {@code null} for plain ws
 * @param encryptKey     the cluster's gossip key, or {@code null}
 * @param profile        serf's timing profile
 * @param logLevel       the new members' log level
 * @param stopTimeout    how long a member may take to leave gracefully before the engine kills its container
 * @param requestTimeout how long one request to the engine may take
 */
public record DockerSpawnerConfig(
        String image,
        URI dockerHost,
        String bindHost,
        SerfAddress join,
        Path spawnDir,
        String wsHost,
        String token,
        Path tokenFile,
        TlsFiles tls,
        String encryptKey,
        SerfProfile profile,
        String logLevel,
        Duration stopTimeout,
        Duration requestTimeout) {

    /** The tag {@code make image} builds. */
    public static final String DEFAULT_IMAGE = "serfnode/member:latest";
    public static final URI DEFAULT_HOST = URI.create("unix:///var/run/docker.sock");

    public DockerSpawnerConfig {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(dockerHost, "dockerHost");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(join, "join");
        Objects.requireNonNull(spawnDir, "spawnDir");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (image.isBlank()) {
            throw new IllegalArgumentException("the member image must be named (for example " + DEFAULT_IMAGE + ")");
        }
        if (wsHost != null && token == null && tokenFile == null) {
            throw new IllegalArgumentException("members that serve the WebSocket API need the token or its file");
        }
        if (stopTimeout.isNegative() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("stop timeout " + stopTimeout + " and request timeout " + requestTimeout
                    + " must be positive");
        }
    }

    /** Members of the default image on the local engine, on {@code bindHost} joining through {@code join}. */
    public static DockerSpawnerConfig of(String bindHost, SerfAddress join, Path spawnDir) {
        return new DockerSpawnerConfig(DEFAULT_IMAGE, DEFAULT_HOST, bindHost, join, spawnDir, null, null, null, null,
                null, SerfProfile.LOCAL, "info", Duration.ofSeconds(20), Duration.ofSeconds(60));
    }

    public DockerSpawnerConfig withImage(String value) {
        return new DockerSpawnerConfig(value, dockerHost, bindHost, join, spawnDir, wsHost, token, tokenFile, tls,
                encryptKey, profile, logLevel, stopTimeout, requestTimeout);
    }

    public DockerSpawnerConfig withDockerHost(URI value) {
        return new DockerSpawnerConfig(image, value, bindHost, join, spawnDir, wsHost, token, tokenFile, tls,
                encryptKey, profile, logLevel, stopTimeout, requestTimeout);
    }

    /** Serve the API on {@code host} with {@code token} (or the token in {@code file}, when given). */
    public DockerSpawnerConfig withApi(String host, String apiToken, Path file, TlsFiles certificate) {
        return new DockerSpawnerConfig(image, dockerHost, bindHost, join, spawnDir, host, apiToken, file, certificate,
                encryptKey, profile, logLevel, stopTimeout, requestTimeout);
    }

    public DockerSpawnerConfig withEncryptKey(String value) {
        return new DockerSpawnerConfig(image, dockerHost, bindHost, join, spawnDir, wsHost, token, tokenFile, tls,
                value, profile, logLevel, stopTimeout, requestTimeout);
    }

    public DockerSpawnerConfig withProfile(SerfProfile value) {
        return new DockerSpawnerConfig(image, dockerHost, bindHost, join, spawnDir, wsHost, token, tokenFile, tls,
                encryptKey, value, logLevel, stopTimeout, requestTimeout);
    }

    public DockerSpawnerConfig withLogLevel(String value) {
        return new DockerSpawnerConfig(image, dockerHost, bindHost, join, spawnDir, wsHost, token, tokenFile, tls,
                encryptKey, profile, value, stopTimeout, requestTimeout);
    }

    public DockerSpawnerConfig withStopTimeout(Duration value) {
        return new DockerSpawnerConfig(image, dockerHost, bindHost, join, spawnDir, wsHost, token, tokenFile, tls,
                encryptKey, profile, logLevel, value, requestTimeout);
    }

    public DockerSpawnerConfig withRequestTimeout(Duration value) {
        return new DockerSpawnerConfig(image, dockerHost, bindHost, join, spawnDir, wsHost, token, tokenFile, tls,
                encryptKey, profile, logLevel, stopTimeout, value);
    }
}
