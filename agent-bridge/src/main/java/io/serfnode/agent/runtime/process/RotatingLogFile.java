package io.serfnode.agent.runtime.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * An append-only log file that never grows past {@link LogRotation#maxBytes()}: before a write would
 * overflow it, the file becomes {@code name.1}, older files shift up and the oldest beyond
 * {@link LogRotation#backups()} is deleted. Successive instances of a child append to the same file.
 */
public final class RotatingLogFile implements AutoCloseable {
    private final Path path;
    private final LogRotation rotation;
    private OutputStream out;
    private long size;

    public RotatingLogFile(Path path, LogRotation rotation) throws IOException {
        this.path = Objects.requireNonNull(path, "path");
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        Files.createDirectories(path.toAbsolutePath().getParent());
        open();
    }

    public Path path() {
        return path;
    }

    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int written = 0;
        while (written < length) {
            if (size >= rotation.maxBytes()) {
                rotate();
            }
            int slice = (int) Math.min(length - written, rotation.maxBytes() - size);
            out.write(bytes, offset + written, slice);
            size += slice;
            written += slice;
        }
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private void open() throws IOException {
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(path);
    }

    private void rotate() throws IOException {
        out.close();
        if (rotation.backups() == 0) {
            Files.delete(path);
        } else {
            Files.deleteIfExists(backup(rotation.backups()));
            for (int i = rotation.backups() - 1; i >= 1; i--) {
                if (Files.exists(backup(i))) {
                    Files.move(backup(i), backup(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(path, backup(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path backup(int index) {
        return path.resolveSibling(path.getFileName() + "." + index);
    }
}
