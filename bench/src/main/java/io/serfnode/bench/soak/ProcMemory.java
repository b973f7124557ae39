package io.serfnode.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, from {@code /proc/<pid>/status} (Linux). */
final class ProcMemory {
    private ProcMemory() {
    }

    /** VmRSS in MiB, or 0 when the process is gone. */
    static double rssMb(long pid) {
        try {
            return vmRssMb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException gone) {
            return 0;
        }
    }

    /**
     * The {@code VmRSS:} line of a {@code /proc/<pid>/status} text, in MiB (the kernel gives kB); 0 when there is
     * none (a zombie has no memory left).
     */
    static double vmRssMb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("/proc status: expected 'VmRSS: <n> kB', found '" + line + "'");
                }
                return Long.parseLong(parts[0]) / 1024.0;
            }
        }
        return 0;
    }
}
