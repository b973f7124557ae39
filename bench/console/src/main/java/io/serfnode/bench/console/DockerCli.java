package io.serfnode.bench.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code docker} command line, for the few things the benchmark asks the engine itself. */
final class DockerCli {
    private DockerCli() {
    }

    /**
     * Runs {@code docker arguments…}; its output lines (standard output and error), or an empty list with a warning
     * when it failed ("No such container" is no failure here: removing what is gone already is fine).
     */
    static List<String> lines(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                System.err.println(String.join(" ", command) + " did not finish within 60 s");
                return List.of();
            }
            if (process.exitValue() != 0) {
                if (!output.contains("No such container")) {
                    System.err.println(String.join(" ", command) + " failed: " + output.strip());
                }
                return List.of();
            }
            return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            System.err.println(String.join(" ", command) + " could not run: " + e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
