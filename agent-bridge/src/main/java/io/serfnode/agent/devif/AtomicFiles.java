package io.serfnode.agent.devif;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Replaces files so that a reader sees either the old or the new content, never a mix: the new content
 * goes to a temporary file in the same directory, is flushed to disk, and is renamed over the target;
 * then the directory is flushed so the rename survives a crash.
 */
final class AtomicFiles {
    /** Readable by children that run as other users; only the agent writes. */
    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to {@code target} unless it already holds exactly that.
     *
     * @return whether the file was written
     */
    static boolean writeIfChanged(Path target, byte[] content) {
        if (hasContent(target, content)) {
            return false;
        }
        replace(target, content);
        return true;
    }

    static boolean hasContent(Path target, byte[] content) {
        try {
            if (!Files.isRegularFile(target) || Files.size(target) != content.length) {
                return false;
            }
            return Arrays.equals(Files.readAllBytes(target), content);
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + target, unreadable);
        }
    }

    static void replace(Path target, byte[] content) {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
            Files.setPosixFilePermissions(temporary, READABLE_BY_ALL);
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            forceDirectory(directory);
        } catch (AtomicMoveNotSupportedException impossibleInOneDirectory) {
            throw new UncheckedIOException("cannot rename atomically over " + target, impossibleInOneDirectory);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot write " + target + ": " + failed.getMessage(), failed);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Rewrites {@code target} in place, for files that cannot be renamed over: Docker bind-mounts a
     * container's {@code /etc/hosts}, and a rename onto a mount point fails with "Device or resource busy".
     * Readers may briefly see a mix of old and new content; the file ends up exactly {@code content}.
     */
    static void rewriteInPlace(Path target, byte[] content) {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            long position = 0;
            while (buffer.hasRemaining()) {
                position += out.write(buffer, position);
            }
            out.truncate(content.length);
            out.force(true);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot rewrite " + target + ": " + failed.getMessage(), failed);
        }
    }

    /** Whether {@code failure} is the kernel refusing to rename over a mount point. */
    static boolean isBusyMountPoint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null
                    && fileSystem.getReason().contains("busy")) {
                return true;
            }
        }
        return false;
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a stray temporary file is harmless: its name starts with a dot and ends in .tmp
        }
    }
}
