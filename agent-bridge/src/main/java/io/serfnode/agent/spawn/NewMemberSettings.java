package io.serfnode.agent.spawn;

import io.serfnode.agent.api.ws.TlsFiles;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What every spawned member runs with, whichever spawner starts it: mostly what the spawner's own member runs
 * with.
 *
 * @param bindHost    the address the new members' serf binds to (a free port is picked on it)
 * @param join        the address the new members join through (the spawner's serf)
 * @param spawnDir    where the spawner keeps what belongs to each new member, one directory per name
 * @param wsHost      the address the new members serve the WebSocket API on, or {@code null} for none
 * @param token       the API token, when {@code tokenFile} is not given
 * @param tokenFile   the API token file every member shares, or {@code null} to use {@code token}
 * @param tls         the API's certificate and key, or {@code null} for plain ws
 * @param encryptKey  the cluster's gossip key, or {@code null}
 * @param profile     serf's timing profile
 * @param logLevel    the new members' log level
 * @param stopTimeout how long a member may take to leave gracefully before it is ended
 */
public record NewMemberSettings(
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
        Duration stopTimeout) {

    public NewMemberSettings {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(join, "join");
        Objects.requireNonNull(spawnDir, "spawnDir");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (wsHost != null && token == null && tokenFile == null) {
            throw new IllegalArgumentException("members that serve the WebSocket API need the token or its file");
        }
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stop timeout must not be negative, was " + stopTimeout);
        }
    }

    /** Members on {@code bindHost} joining through {@code join}, without the API, on the local profile. */
    public static NewMemberSettings of(String bindHost, SerfAddress join, Path spawnDir) {
        return new NewMemberSettings(bindHost, join, spawnDir, null, null, null, null, null, SerfProfile.LOCAL,
                "info", Duration.ofSeconds(20));
    }

    /** Serve the API on {@code host} with {@code token} (or the token in {@code file}, when given). */
    public NewMemberSettings withApi(String host, String apiToken, Path file, TlsFiles certificate) {
        return new NewMemberSettings(bindHost, join, spawnDir, host, apiToken, file, certificate, encryptKey, profile,
                logLevel, stopTimeout);
    }

    public NewMemberSettings withEncryptKey(String value) {
        return new NewMemberSettings(bindHost, join, spawnDir, wsHost, token, tokenFile, tls, value, profile,
                logLevel, stopTimeout);
    }

    public NewMemberSettings withProfile(SerfProfile value) {
        return new NewMemberSettings(bindHost, join, spawnDir, wsHost, token, tokenFile, tls, encryptKey, value,
                logLevel, stopTimeout);
    }

    public NewMemberSettings withLogLevel(String value) {
        return new NewMemberSettings(bindHost, join, spawnDir, wsHost, token, tokenFile, tls, encryptKey, profile,
                value, stopTimeout);
    }

    public NewMemberSettings withStopTimeout(Duration value) {
        return new NewMemberSettings(bindHost, join, spawnDir, wsHost, token, tokenFile, tls, encryptKey, profile,
                logLevel, value);
    }
}
