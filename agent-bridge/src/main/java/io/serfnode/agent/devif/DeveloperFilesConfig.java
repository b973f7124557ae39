package io.serfnode.agent.devif;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the developer interface files go.
 *
 * @param stateDir        the state directory ({@code /serfnode} in a container, {@code --state-dir} otherwise)
 * @param sharedHostsFile a hosts file shared with others in which Serfnode keeps only its managed block
 *                        (Docker mode: the member's {@code /etc/hosts}, which its children share)
 */
public record DeveloperFilesConfig(Path stateDir, Optional<Path> sharedHostsFile) {
    /** The container's hosts file that Docker mode manages. */
    public static final Path ETC_HOSTS = Path.of("/etc/hosts");

    public DeveloperFilesConfig {
        Objects.requireNonNull(stateDir, "DeveloperFilesConfig.stateDir");
        Objects.requireNonNull(sharedHostsFile, "DeveloperFilesConfig.sharedHostsFile");
    }

    /** Files in the state directory only. */
    public static DeveloperFilesConfig inStateDir(Path stateDir) {
        return new DeveloperFilesConfig(stateDir, Optional.empty());
    }

    /** Docker mode: also the managed block in {@code /etc/hosts}. */
    public static DeveloperFilesConfig docker(Path stateDir) {
        return inStateDir(stateDir).withSharedHostsFile(ETC_HOSTS);
    }

    public DeveloperFilesConfig withStateDir(Path newStateDir) {
        return new DeveloperFilesConfig(newStateDir, sharedHostsFile);
    }

    public DeveloperFilesConfig withSharedHostsFile(Path hostsFile) {
        return new DeveloperFilesConfig(stateDir, Optional.of(hostsFile));
    }

    public DeveloperFilesConfig withoutSharedHostsFile() {
        return new DeveloperFilesConfig(stateDir, Optional.empty());
    }
}
