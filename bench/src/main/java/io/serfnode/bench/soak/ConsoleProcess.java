package io.serfnode.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real JavaFX console ({@code serfnode console --connect URL --token-file F}) as a process of its own,
 * headless (Monocle, software rendering) as the console's tests and benchmarks run it, connected to a member for
 * the whole soak. It writes a PNG of its window once it has drawn its first snapshot: proof that it connected.
 * Ended by its pid, with everything under it.
 */
final class ConsoleProcess implements AutoCloseable {
    static final String MAIN_CLASS = "io.serfnode.console.ConsoleMain";

    private final Process process;
    private final Path png;
    private volatile JvmProbe probe;

    private ConsoleProcess(Process process, Path png) {
        this.process = process;
        this.png = png;
    }

    /**
     * Starts the console on {@code classPath} (the console, JavaFX and Monocle jars), with its preferences in
     * {@code workDir} (not the user's), its output in {@code workDir/console.log}.
     */
    static ConsoleProcess start(String classPath, URI api, String token, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path tokenFile = workDir.resolve("api-token");
        Files.writeString(tokenFile, token);
        Path png = workDir.resolve("console-first-snapshot.png");
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("the path of this JVM's java launcher is unknown"));
        List<String> command = new ArrayList<>(List.of(java,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dheadless.geometry=1920x1080-32",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true",
                "-cp", classPath, MAIN_CLASS,
                "--connect", api.toString(), "--token-file", tokenFile.toString(),
                "--config-dir", workDir.resolve("config").toString(),
                "--snapshot-png", png.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("console.log").toFile())).start();
        return new ConsoleProcess(process, png);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The console drew its first snapshot (and wrote its PNG). */
    boolean drewSnapshot() {
        return Files.isRegularFile(png);
    }

    synchronized JvmProbe probe() throws IOException {
        if (probe == null) {
            probe = JvmProbe.attach(process.pid());
        }
        return probe;
    }

    @Override
    public void close() {
        JvmProbe open = probe;
        if (open != null) {
            open.close();
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
