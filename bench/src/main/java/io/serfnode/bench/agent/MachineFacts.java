package io.serfnode.bench.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the numbers were measured on, in the words a reader of the results needs. */
public record MachineFacts(int cpus, String cpuModel, long memTotalKb, String kernel, String jdk, String serf) {

    public static MachineFacts collect(Path jdkHome) throws IOException, InterruptedException {
        return new MachineFacts(Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/cpuinfo"), "model name"),
                Long.parseLong(firstValue(Path.of("/proc/meminfo"), "MemTotal").replace("kB", "").trim()),
                Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim(),
                output(List.of(jdkHome.resolve("bin/java").toString(), "-version")).lines()
                        .skip(1).findFirst().orElse("?").trim(),
                output(List.of("serf", "version")).lines().findFirst().orElse("?").trim());
    }

    private static String firstValue(Path file, String key) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("?");
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text;
    }

    /** The first three fields of {@code /proc/loadavg}: other work on the machine skews start times. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    public String markdown() {
        return String.format(Locale.ROOT, "- CPU: %d × %s (`nproc` = %d)%n- memory: %.1f GiB%n- kernel: Linux %s%n"
                        + "- JDK: %s%n- serf: %s%n",
                cpus, cpuModel, cpus, memTotalKb / 1024.0 / 1024.0, kernel, jdk, serf);
    }
}
