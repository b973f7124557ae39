package io.serfnode.bench.ws;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code WsBenchMain [latency|fanout|all] [--members N] [--samples N] [--clients N] [--rate N] [--seconds N]
 * [--warmup N] [--baseline N] [--queue-limit N] [--clients-in-process] [--out DIR]}: runs the WebSocket API benchmarks and
 * writes {@code results.md} to DIR. Fan-out's clients run in a second JVM unless {@code --clients-in-process}.
 */
public final class WsBenchMain {
    private WsBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String which = "all";
        int members = 10;
        int samples = 200;
        FanoutSettings fanout = FanoutSettings.ISSUE;
        Path outDir = Path.of("bench/target/ws-bench");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "latency", "fanout", "all" -> which = arg;
                case "--members" -> members = number(args, ++i, arg);
                case "--samples" -> samples = number(args, ++i, arg);
                case "--clients" -> fanout = fanout.withClients(number(args, ++i, arg));
                case "--rate" -> fanout = fanout.withRate(number(args, ++i, arg));
                case "--seconds" -> fanout = fanout.withDuration(Duration.ofSeconds(number(args, ++i, arg)));
                case "--warmup" -> fanout = fanout.withWarmup(Duration.ofSeconds(number(args, ++i, arg)));
                case "--baseline" -> fanout = fanout.withBaseline(Duration.ofSeconds(number(args, ++i, arg)));
                case "--queue-limit" -> fanout = fanout.withQueueLimit(number(args, ++i, arg));
                case "--clients-in-process" -> fanout = fanout.withClientsInOwnJvm(false);
                case "--out" -> outDir = Path.of(value(args, ++i, arg));
                case "--help", "-h" -> {
                    System.out.println("usage: bench/ws/run [latency|fanout|all] [--members 10] [--samples 200]"
                            + " [--clients 20] [--rate 5000] [--seconds 60] [--warmup 5] [--baseline 20]"
                            + " [--queue-limit 1024] [--clients-in-process] [--out DIR]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "' (see --help)");
            }
        }
        Files.createDirectories(outDir);
        PrintStream out = System.out;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ChildProcesses.killRemaining(System.err)));
        StringBuilder report = new StringBuilder();
        report.append("# WebSocket API benchmarks, ").append(Instant.now()).append("\n\n")
                .append("- nproc: ").append(Runtime.getRuntime().availableProcessors())
                .append("\n- memory: ").append(memTotal())
                .append("\n- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append("\n\n");
        if (!which.equals("fanout")) {
            Path state = Files.createTempDirectory("serfnode-ws-latency");
            LatencyResult latency;
            try {
                latency = new LatencyBench(members, samples, state, out).run();
            } finally {
                deleteTree(state);
            }
            report.append("## Latency\n\n").append(latency.markdown()).append('\n');
            out.println(latency.markdown());
        }
        if (!which.equals("latency")) {
            FanoutResult result = new FanoutBench(fanout, outDir, out).run();
            report.append("## Fan-out\n\n").append(result.markdown()).append('\n');
            out.println(result.markdown());
        }
        Files.writeString(outDir.resolve("results.md"), report);
        out.println("written to " + outDir.resolve("results.md"));
        System.exit(0);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String memTotal() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " ");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String[] args, int index, String option) {
        String text = value(args, index, option);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, found '" + text + "'");
        }
    }
}
