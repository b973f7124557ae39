package io.serfnode.agent.devif;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Named pipes on disk. Java cannot create one, so {@code mkfifo} (coreutils) does. */
final class Fifos {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFSOCK = 0140000;
    private static final long MKFIFO_TIMEOUT_SECONDS = 10;

    private Fifos() {
    }

    /**
     * Makes sure {@code path} is a FIFO: an existing one is reused as it is, a missing one is created.
     *
     * @return whether it was created
     * @throws IllegalStateException when something else is at {@code path}, or {@code mkfifo} failed
     */
    static boolean ensure(Path path, String permissions) {
        Integer mode = modeOf(path);
        if (mode != null) {
            if ((mode & S_IFMT) != S_IFIFO) {
                throw new IllegalStateException(path + " exists but is " + describe(mode)
                        + ", not a FIFO; remove it or use another state directory");
            }
            return false;
        }
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
        } catch (IOException cannotCreate) {
            throw new UncheckedIOException("cannot create the directory of " + path, cannotCreate);
        }
        mkfifo(path, permissions);
        return true;
    }

    static boolean isFifo(Path path) {
        Integer mode = modeOf(path);
        return mode != null && (mode & S_IFMT) == S_IFIFO;
    }

    /** The file's mode without following a symbolic link, or null when nothing is there. */
    private static Integer modeOf(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot inspect " + path, unreadable);
        }
    }

    private static void mkfifo(Path path, String permissions) {
        String octal = octal(PosixFilePermissions.fromString(permissions));
        ProcessBuilder builder = new ProcessBuilder("mkfifo", "-m", octal, path.toString()).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException cannotRun) {
            throw new IllegalStateException("cannot run mkfifo to create " + path
                    + " (mkfifo comes with coreutils; is it installed and on the PATH?)", cannotRun);
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(MKFIFO_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("mkfifo did not create " + path + " within "
                        + MKFIFO_TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException("mkfifo could not create " + path + " (exit code "
                        + process.exitValue() + "): " + output);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + path, interrupted);
        } catch (IOException cannotRead) {
            throw new UncheckedIOException("cannot read the output of mkfifo", cannotRead);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }

    private static String describe(int mode) {
        return switch (mode & S_IFMT) {
            case S_IFREG -> "a regular file";
            case S_IFDIR -> "a directory";
            case S_IFLNK -> "a symbolic link";
            case S_IFSOCK -> "a socket";
            default -> "a special file";
        };
    }
}
