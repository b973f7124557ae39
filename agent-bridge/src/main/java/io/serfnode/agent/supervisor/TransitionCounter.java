package io.serfnode.agent.supervisor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The member's transition counter: strictly increasing across all its children and across agent restarts.
 * Each new value is on disk ({@code <state dir>/supervisor/transition-counter}, written to a temporary file,
 * synced and renamed over the old one) before {@link #next()} returns it.
 */
public final class TransitionCounter {
    private final Path file;
    private long current;

    private TransitionCounter(Path file, long current) {
        this.file = file;
        this.current = current;
    }

    /**
     * Opens the counter kept in {@code stateDir}, starting at 0 when there is none yet.
     *
     * @throws IOException naming the file when it cannot be read or does not hold a counter
     */
    public static TransitionCounter open(Path stateDir) throws IOException {
        Path file = stateDir.resolve("supervisor").resolve("transition-counter");
        if (!Files.exists(file)) {
            return new TransitionCounter(file, 0);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return new TransitionCounter(file, value);
        } catch (NumberFormatException e) {
            throw new IOException(file + " should hold the member's transition counter (a whole number >= 0) "
                    + "but holds '" + text + "'; restore it, or delete it only if no receiver has seen this "
                    + "member's events yet", e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized long current() {
        return current;
    }

    /**
     * Advances the counter and stores the new value.
     *
     * @throws IOException when the new value could not be stored; the counter has still advanced in memory,
     *                     so values stay strictly increasing while this agent runs
     */
    public synchronized long next() throws IOException {
        current++;
        store(current);
        return current;
    }

    private void store(long value) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // the rename itself is durable only once the directory is synced
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
