package io.serfnode.bench.ws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Fan-out clients in a second JVM ({@link FanoutClientsMain}) started from this harness's own class path; its
 * output goes to {@code clients.log} next to the results, and it is killed by PID when closed.
 * {@code BENCH_WS_CLIENT_JAVA_OPTS} adds flags to its command line (a profiler, say).
 */
final class ClientJvm implements FanoutClients {
    private final Process process;
    private final Path resultsFile;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    ClientJvm(URI uri, String token, int clients, long totalEvents, long warmupEvents, Path workDir)
            throws IOException {
        Files.createDirectories(workDir);
        this.resultsFile = Files.createTempFile(workDir, "fanout-clients", ".bin");
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("the harness cannot tell which java runs it"));
        List<String> command = new ArrayList<>(List.of(java));
        String extra = System.getenv().getOrDefault("BENCH_WS_CLIENT_JAVA_OPTS", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FanoutClientsMain.class.getName(), uri.toString(), token, Integer.toString(clients),
                Long.toString(totalEvents), Long.toString(warmupEvents), resultsFile.toString()));
        this.process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(workDir.resolve("clients.log").toFile()))
                .start();
        Thread.ofPlatform().daemon().name("fanout-client-jvm-out").start(this::readLines);
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // the client JVM ended
        }
    }

    @Override
    public Optional<ProcessHandle> process() {
        return Optional.of(process.toHandle());
    }

    @Override
    public void awaitSubscribed(Duration timeout) throws InterruptedException {
        expect(FanoutClientsMain.SUBSCRIBED, timeout.plusSeconds(20));
    }

    @Override
    public List<FanoutReader.Result> results(Duration timeout) throws InterruptedException {
        try {
            OutputStream in = process.getOutputStream();
            in.write((FanoutClientsMain.EMITTED + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            expect(FanoutClientsMain.DONE, timeout.plusSeconds(30));
            return FanoutResultsFile.read(resultsFile);
        } catch (IOException failure) {
            throw new IllegalStateException("the client JVM (pid " + process.pid() + ") gave no results: "
                    + failure.getMessage(), failure);
        }
    }

    private void expect(String wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("the client JVM (pid " + process.pid() + ") did not say '" + wanted
                        + "' within " + timeout + (process.isAlive() ? "" : "; it exited with "
                        + process.exitValue()) + "; see clients.log");
            }
            if (line.equals(wanted)) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            // closing its stdin ends the client JVM by itself, letting a recording it makes be written
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException alreadyGone) {
            process.destroyForcibly();
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(resultsFile);
        } catch (IOException left) {
            // a temporary file in the harness's output directory; harmless
        }
    }
}
