package io.serfnode.agent.runtime.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux tells about a process in {@code /proc/<pid>/stat}. The start time (in clock ticks since boot)
 * together with the boot id identifies a process for good: a reused pid has a different start time.
 *
 * @param pid        the process id
 * @param state      the one-letter state ({@code R}, {@code S}, {@code Z} for an unreaped zombie …)
 * @param pgid       the process group id
 * @param startTicks when the process started, in clock ticks after boot
 */
record ProcStat(long pid, char state, long pgid, long startTicks) {

    private static final Path PROC = Path.of("/proc");

    /** Empty when no such process exists. */
    static Optional<ProcStat> of(long pid) {
        try {
            return Optional.of(parse(pid, Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // the process vanished between opening and reading
            return Optional.empty();
        }
    }

    /** Identifies this boot, so records written before a reboot never match a process after it. */
    static String bootId() {
        try {
            return Files.readString(PROC.resolve("sys/kernel/random/boot_id"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/sys/kernel/random/boot_id: " + e.getMessage(), e);
        }
    }

    static ProcStat parse(long pid, String line) {
        // the command name (field 2) is in parentheses and may itself contain spaces and parentheses
        int end = line.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("/proc/" + pid + "/stat has no command field: " + line);
        }
        String[] fields = line.substring(end + 2).strip().split(" ");
        if (fields.length < 20) {
            throw new IllegalArgumentException("/proc/" + pid + "/stat has too few fields: " + line);
        }
        // fields[0] is field 3 of proc(5): state; pgrp is field 5, starttime field 22
        return new ProcStat(pid, fields[0].charAt(0), Long.parseLong(fields[2]), Long.parseLong(fields[19]));
    }

    boolean isZombie() {
        return state == 'Z' || state == 'X';
    }
}
