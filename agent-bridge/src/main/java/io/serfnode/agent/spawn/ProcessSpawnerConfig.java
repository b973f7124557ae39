package io.serfnode.agent.spawn;

import io.serfnode.agent.api.ws.TlsFiles;
import io.serfnode.agent.runtime.RuntimeMode;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ProcessMemberSpawner} starts members: mostly what its own member runs with.
 *
 * @param launcher    how to start an agent JVM
 * @param bindHost    the address the new members' serf binds to (a free port is picked on it)
 * @param join        the address the new members join through (the spawner's serf)
 * @param spawnDir    where the new members' state directories are made, one per name
 * @param wsHost      the address the new members serve the WebSocket API on, or {@code null} for none
 * @param token       the API token, when {@code tokenFile} is not given
 * @param tokenFile   the API token file every member shares, or {@code null} to write {@code token} into one
 * @param tls         the API's certificate and key, or {@code null} for plain ws
 * @param encryptKey  the cluster's gossip key, or {@code null}
 * @param profile     serf's timing profile
 * @param runtimeMode how the new members run their children
 * @param serfBinary  the serf program
 * @param logLevel    the new members' log level
 * @param stopTimeout how long a member may take to leave gracefully before it is ended by pid
 */
public record ProcessSpawnerConfig(
        AgentLauncher launcher,
        String bindHost,
        SerfAddress join,
        Path spawnDir,
        String wsHost,
        String token,
        Path tokenFile,
        TlsFiles tls,
        String encryptKey,
        SerfProfile profile,
        RuntimeMode runtimeMode,
        String serfBinary,
        String logLevel,
        Duration stopTimeout) {

    public ProcessSpawnerConfig {
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(join, "join");
        Objects.requireNonNull(spawnDir, "spawnDir");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(runtimeMode, "runtimeMode");
        Objects.requireNonNull(serfBinary, "serfBinary");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (wsHost != null && token == null && tokenFile == null) {
            throw new IllegalArgumentException("members that serve the WebSocket API need the token or its file");
        }
    }

    /** Members on {@code bindHost} joining through {@code join}, without the API, running process children. */
    public static ProcessSpawnerConfig of(String bindHost, SerfAddress join, Path spawnDir) {
        return new ProcessSpawnerConfig(AgentLauncher.current(), bindHost, join, spawnDir, null, null, null, null,
                null, SerfProfile.LOCAL, RuntimeMode.PROCESS, "serf", "info", Duration.ofSeconds(20));
    }

    public ProcessSpawnerConfig withLauncher(AgentLauncher value) {
        return new ProcessSpawnerConfig(value, bindHost, join, spawnDir, wsHost, token, tokenFile, tls, encryptKey,
                profile, runtimeMode, serfBinary, logLevel, stopTimeout);
    }

    /** Serve the API on {@code host} with {@code token} (or the token in {@code file}, when given). */
    public ProcessSpawnerConfig withApi(String host, String apiToken, Path file, TlsFiles certificate) {
        return new ProcessSpawnerConfig(launcher, bindHost, join, spawnDir, host, apiToken, file, certificate,
                encryptKey, profile, runtimeMode, serfBinary, logLevel, stopTimeout);
    }

    public ProcessSpawnerConfig withEncryptKey(String value) {
        return new ProcessSpawnerConfig(launcher, bindHost, join, spawnDir, wsHost, token, tokenFile, tls, value,
                profile, runtimeMode, serfBinary, logLevel, stopTimeout);
    }

    public ProcessSpawnerConfig withProfile(SerfProfile value) {
        return new ProcessSpawnerConfig(launcher, bindHost, join, spawnDir, wsHost, token, tokenFile, tls, encryptKey,
                value, runtimeMode, serfBinary, logLevel, stopTimeout);
    }

    public ProcessSpawnerConfig withRuntimeMode(RuntimeMode value) {
        return new ProcessSpawnerConfig(launcher, bindHost, join, spawnDir, wsHost, token, tokenFile, tls, encryptKey,
                profile, value, serfBinary, logLevel, stopTimeout);
    }

    public ProcessSpawnerConfig withSerfBinary(String value) {
        return new ProcessSpawnerConfig(launcher, bindHost, join, spawnDir, wsHost, token, tokenFile, tls, encryptKey,
                profile, runtimeMode, value, logLevel, stopTimeout);
    }

    public ProcessSpawnerConfig withLogLevel(String value) {
        return new ProcessSpawnerConfig(launcher, bindHost, join, spawnDir, wsHost, token, tokenFile, tls, encryptKey,
                profile, runtimeMode, serfBinary, value, stopTimeout);
    }

    public ProcessSpawnerConfig withStopTimeout(Duration value) {
        return new ProcessSpawnerConfig(launcher, bindHost, join, spawnDir, wsHost, token, tokenFile, tls, encryptKey,
                profile, runtimeMode, serfBinary, logLevel, value);
    }
}
