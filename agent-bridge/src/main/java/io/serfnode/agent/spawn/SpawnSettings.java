package io.serfnode.agent.spawn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a member spawns members.
 *
 * @param templatesDir where its templates are, or {@code null} for {@code <state dir>/templates}
 * @param own          its own configuration, which members spawned like it get
 * @param tokenFile    the API token file the members it spawns share, or {@code null} to write the token into one
 * @param launcher     how agent processes are started, or {@code null} for this JVM's way
 * @param logLevel     the log level of the members it spawns
 * @param stopTimeout  how long the members it spawned may take to leave when it stops, before they are ended by pid
 * @param memberImage  the image of the member containers it spawns with runtime {@code docker}
 */
public record SpawnSettings(Path templatesDir, MemberConfiguration own, Path tokenFile, AgentLauncher launcher,
                            String logLevel, Duration stopTimeout, String memberImage) {

    /** Templates in the state directory, no configuration file, this JVM's launcher. */
    public static final SpawnSettings DEFAULTS = new SpawnSettings(null, MemberConfiguration.none("no serfnode.yml"),
            null, null, "info", Duration.ofSeconds(20), DockerSpawnerConfig.DEFAULT_IMAGE);

    public SpawnSettings {
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(memberImage, "memberImage");
    }

    public SpawnSettings withTemplatesDir(Path value) {
        return new SpawnSettings(value, own, tokenFile, launcher, logLevel, stopTimeout, memberImage);
    }

    public SpawnSettings withOwn(MemberConfiguration value) {
        return new SpawnSettings(templatesDir, value, tokenFile, launcher, logLevel, stopTimeout, memberImage);
    }

    public SpawnSettings withTokenFile(Path value) {
        return new SpawnSettings(templatesDir, own, value, launcher, logLevel, stopTimeout, memberImage);
    }

    public SpawnSettings withLauncher(AgentLauncher value) {
        return new SpawnSettings(templatesDir, own, tokenFile, value, logLevel, stopTimeout, memberImage);
    }

    public SpawnSettings withLogLevel(String value) {
        return new SpawnSettings(templatesDir, own, tokenFile, launcher, value, stopTimeout, memberImage);
    }

    public SpawnSettings withStopTimeout(Duration value) {
        return new SpawnSettings(templatesDir, own, tokenFile, launcher, logLevel, value, memberImage);
    }

    public SpawnSettings withMemberImage(String value) {
        return new SpawnSettings(templatesDir, own, tokenFile, launcher, logLevel, stopTimeout, value);
    }
}
