package io.serfnode.bench.ws;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The fan-out clients in a JVM of their own, so that decoding every frame for 20 clients does not run inside
 * the server's JVM. Talks to the harness by lines: prints {@code subscribed} once every client has its
 * snapshot, waits for {@code emitted} on stdin, then writes the results file and prints {@code done}. Exits
 * when stdin closes, so it never outlives the harness.
 *
 * <p>{@code FanoutClientsMain URI TOKEN CLIENTS TOTAL_EVENTS WARMUP_EVENTS RESULTS_FILE}
 */
public final class FanoutClientsMain {
    static final String SUBSCRIBED = "subscribed";
    static final String EMITTED = "emitted";
    static final String DONE = "done";
    static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(20);
    static final Duration FINISH_TIMEOUT = Duration.ofSeconds(30);

    private FanoutClientsMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: FanoutClientsMain URI TOKEN CLIENTS TOTAL_EVENTS"
                    + " WARMUP_EVENTS RESULTS_FILE; found " + args.length + " arguments");
        }
        URI uri = URI.create(args[0]);
        int clients = Integer.parseInt(args[2]);
        long total = Long.parseLong(args[3]);
        long warmup = Long.parseLong(args[4]);
        Path resultsFile = Path.of(args[5]);
        BufferedReader harness = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (InProcessClients readers = new InProcessClients(uri, args[1], clients, total, warmup)) {
            readers.awaitSubscribed(SUBSCRIBE_TIMEOUT);
            System.out.println(SUBSCRIBED);
            System.out.flush();
            String line;
            while ((line = harness.readLine()) != null && !line.equals(EMITTED)) {
                // nothing else is said on this channel
            }
            if (line == null) {
                System.exit(2);
            }
            List<FanoutReader.Result> results = readers.results(FINISH_TIMEOUT);
            FanoutResultsFile.write(resultsFile, results);
        }
        System.out.println(DONE);
        System.out.flush();
        System.exit(0);
    }
}
