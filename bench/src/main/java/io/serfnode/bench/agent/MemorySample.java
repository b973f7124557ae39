package io.serfnode.bench.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The memory of one process as Linux reports it in {@code /proc/<pid>/status}, in KiB.
 *
 * @param rssKb     resident set now ({@code VmRSS}): anonymous memory plus mapped files such as the CDS archive
 * @param hwmKb     the highest resident set so far ({@code VmHWM})
 * @param rssAnonKb the anonymous part of the resident set ({@code RssAnon}): heap, metaspace, stacks, code
 * @param rssFileKb the file-backed part ({@code RssFile}): the JDK's libraries and shared archives
 */
public record MemorySample(long rssKb, long hwmKb, long rssAnonKb, long rssFileKb) {

    /** Reads the status of a live process; fails when it has gone. */
    public static MemorySample ofProcess(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        return parse(Files.readAllLines(status), status.toString());
    }

    /** Parses the lines of a {@code /proc/<pid>/status} file; {@code source} names it in errors. */
    public static MemorySample parse(List<String> lines, String source) {
        return new MemorySample(
                field(lines, "VmRSS", source), field(lines, "VmHWM", source),
                field(lines, "RssAnon", source), field(lines, "RssFile", source));
    }

    private static long field(List<String> lines, String name, String source) {
        String prefix = name + ":";
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                String value = line.substring(prefix.length()).trim();
                if (!value.endsWith(" kB")) {
                    throw new IllegalArgumentException(source + ": " + name + " is not in kB: '" + value + "'");
                }
                return Long.parseLong(value.substring(0, value.length() - 3).trim());
            }
        }
        throw new IllegalArgumentException(source + ": has no " + name + " line (is it a kernel thread or a zombie?)");
    }
}
