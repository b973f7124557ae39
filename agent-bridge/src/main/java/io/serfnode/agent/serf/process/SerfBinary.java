package io.serfnode.agent.serf.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the serf executable the way a shell would, so that a missing serf is reported before anything starts. */
final class SerfBinary {
    private SerfBinary() {
    }

    static Path resolve(String binary) {
        if (binary.contains(File.separator)) {
            Path path = Path.of(binary);
            if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                return path;
            }
            throw new SerfStartupException("serf binary " + path.toAbsolutePath()
                    + (Files.exists(path) ? " is not an executable file" : " does not exist"), List.of());
        }
        String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, binary);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new SerfStartupException("serf binary '" + binary + "' was not found on PATH (" + searchPath
                + "); install serf (Debian/Ubuntu package 'serf') or configure its path with SerfLaunchSettings.withBinary",
                List.of());
    }
}
