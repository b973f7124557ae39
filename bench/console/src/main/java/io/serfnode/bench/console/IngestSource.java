package io.serfnode.bench.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The harness's handle on {@link IngestSourceMain} running in a process of its own (same Java, same class path).
 * Moments are this process's {@link System#nanoTime()} when the source's answer was read. Closing it closes the
 * source's stdin, which ends it; one that does not end within 10 s is killed by its process id.
 */
final class IngestSource implements AutoCloseable {
    private static final String END_OF_OUTPUT = "\0end";

    /** The source's children's final states: member, then child, then "STATE counter". */
    record Finish(Map<String, Map<String, String>> children) {
    }

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final URI uri;

    /**
     * One flood as the source saw it.
     *
     * @param start     when the source had begun it ({@link System#nanoTime()} here)
     * @param end       when its last event had been delivered
     * @param delivered events the source delivered to the agent's API
     * @param seconds   how long the flood took by the source's own clock
     * @param lastSeq   the stream's {@code seq} of the flood's last event
     * @param cpu       CPU time the source's parts spent on it, and the whole source process (by its own clock)
     */
    record Flooded(long start, long end, long delivered, double seconds, long lastSeq, Map<String, Long> cpu) {

        /** Events per second as the source sent them, timed by the source itself. */
        double deliveredPerSecond() {
            return delivered / seconds;
        }
    }

    private IngestSource(Process process) throws IOException, InterruptedException {
        this.process = process;
        this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        Thread.ofPlatform().daemon().name("ingest-source-output").start(this::readAnswers);
        this.uri = URI.create(expect("ready", 60));
    }

    static IngestSource start(IngestSettings settings, Path tokenFile) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                IngestSourceMain.class.getName(),
                "--ingest-cluster", settings.members() + "x" + settings.childrenPerMember(),
                "--rate", Double.toString(settings.eventsPerSecond()),
                "--ingest-seconds", Double.toString(settings.seconds()),
                "--queue-limit", Integer.toString(settings.queueLimit()),
                "--token-file", tokenFile.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            return new IngestSource(process);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    URI uri() {
        return uri;
    }

    /** The source's process. */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** Has the source send events at the rate to a client of its own for a while, as a running agent has. */
    void warm(double seconds) throws IOException, InterruptedException {
        commands.println("warm " + seconds);
        expect("warmed", seconds + 120);
    }

    /** Has the source flood the API and returns what it saw once its last event is out. */
    Flooded flood(double seconds) throws IOException, InterruptedException {
        commands.println("flood");
        expect("started", 30);
        long start = System.nanoTime();
        Map<String, Long> cpu = new TreeMap<>();
        String line = next(seconds);
        for (; line.startsWith("cpu "); line = next(60)) {
            String[] fields = line.split(" ", 3);
            cpu.put(fields[2], Long.parseLong(fields[1]));
        }
        if (!line.startsWith("flooded ")) {
            throw new IOException("the ingest source answered '" + line + "', expected 'flooded'");
        }
        long end = System.nanoTime();
        String[] answer = line.substring("flooded ".length()).split(" ");
        return new Flooded(start, end, Long.parseLong(answer[0]), Long.parseLong(answer[1]) / 1e9,
                Long.parseLong(answer[2]), Map.copyOf(cpu));
    }

    Finish finish(Path work) throws IOException, InterruptedException {
        Path truth = work.resolve("source-children.txt");
        commands.println("finish " + truth);
        expect("finished", 60);
        Map<String, Map<String, String>> children = new HashMap<>();
        for (String line : Files.readAllLines(truth)) {
            String[] fields = line.split(" ");
            children.computeIfAbsent(fields[0], member -> new HashMap<>()).put(fields[1], fields[2] + " " + fields[3]);
        }
        return new Finish(children);
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // it has ended already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String expect(String answer, double seconds) throws IOException, InterruptedException {
        String line = next(seconds);
        if (!line.equals(answer) && !line.startsWith(answer + " ")) {
            throw new IOException("the ingest source answered '" + line + "', expected '" + answer + "'");
        }
        return line.substring(answer.length()).strip();
    }

    private String next(double seconds) throws IOException, InterruptedException {
        String line = answers.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IOException("the ingest source did not answer within " + seconds + " s");
        }
        if (line.equals(END_OF_OUTPUT)) {
            answers.add(END_OF_OUTPUT);
            throw new IOException("the ingest source ended (exit " + process.waitFor() + ", its errors above)");
        }
        return line;
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(IngestSourceMain.PREFIX)) {
                    answers.add(line.substring(IngestSourceMain.PREFIX.length()));
                } else {
                    System.out.println("[ingest source] " + line);
                }
            }
        } catch (IOException e) {
            System.err.println("[ingest source] output lost: " + e.getMessage());
        } finally {
            answers.add(END_OF_OUTPUT);
        }
    }
}
