package io.serfnode.agent.devif;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * How the {@code parent} FIFO is created and read.
 *
 * @param path         the FIFO, {@code <state-dir>/parent}
 * @param maxLineBytes the longest line accepted, newline excluded; longer lines are rejected and their
 *                     excess discarded without being buffered. The default, 4 KiB, is also the size up to
 *                     which the kernel keeps concurrent writes to a FIFO from interleaving ({@code PIPE_BUF})
 * @param permissions  the FIFO's permissions when it is created, as in {@code ls -l}: {@code rw-rw----} by
 *                     default (the agent's user and group may raise cluster events)
 * @param eventCheck   whether serf would accept an event; see {@link UserEventCheck}
 */
public record ParentFifoConfig(Path path, int maxLineBytes, String permissions, UserEventCheck eventCheck) {
    public static final String FIFO_NAME = "parent";
    public static final int DEFAULT_MAX_LINE_BYTES = 4096;
    public static final String DEFAULT_PERMISSIONS = "rw-rw----";

    public ParentFifoConfig {
        Objects.requireNonNull(path, "ParentFifoConfig.path");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("ParentFifoConfig.maxLineBytes must be at least 1, was " + maxLineBytes);
        }
        Objects.requireNonNull(permissions, "ParentFifoConfig.permissions");
        try {
            PosixFilePermissions.fromString(permissions);
        } catch (IllegalArgumentException notPermissions) {
            throw new IllegalArgumentException("ParentFifoConfig.permissions must look like 'rw-rw----', was '"
                    + permissions + "'", notPermissions);
        }
        Objects.requireNonNull(eventCheck, "ParentFifoConfig.eventCheck");
    }

    /** The FIFO {@code parent} in the state directory, with the defaults. */
    public static ParentFifoConfig inStateDir(Path stateDir) {
        return new ParentFifoConfig(stateDir.resolve(FIFO_NAME), DEFAULT_MAX_LINE_BYTES, DEFAULT_PERMISSIONS,
                UserEventCheck.PERMISSIVE);
    }

    public ParentFifoConfig withPath(Path newPath) {
        return new ParentFifoConfig(newPath, maxLineBytes, permissions, eventCheck);
    }

    public ParentFifoConfig withMaxLineBytes(int bytes) {
        return new ParentFifoConfig(path, bytes, permissions, eventCheck);
    }

    public ParentFifoConfig withPermissions(String newPermissions) {
        return new ParentFifoConfig(path, maxLineBytes, newPermissions, eventCheck);
    }

    public ParentFifoConfig withEventCheck(UserEventCheck check) {
        return new ParentFifoConfig(path, maxLineBytes, permissions, check);
    }
}
