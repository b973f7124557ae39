package io.serfnode.agent.runtime.process;

/**
 * How a child's log file is rotated: once it would grow past {@code maxBytes} it is renamed to
 * {@code name.1} (older ones shift to {@code .2} …) and a fresh file is begun; only {@code backups}
 * old files are kept.
 *
 * @param maxBytes the largest size of one log file
 * @param backups  how many rotated files are kept besides the current one
 */
public record LogRotation(long maxBytes, int backups) {

    /** 10 MiB per file, three old files kept. */
    public static final LogRotation DEFAULT = new LogRotation(10L * 1024 * 1024, 3);

    public LogRotation {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("log maxBytes must be at least 1, found " + maxBytes);
        }
        if (backups < 0) {
            throw new IllegalArgumentException("log backups must not be negative, found " + backups);
        }
    }

    public LogRotation withMaxBytes(long value) {
        return new LogRotation(value, backups);
    }

    public LogRotation withBackups(int value) {
        return new LogRotation(maxBytes, value);
    }
}
