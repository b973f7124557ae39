package io.serfnode.bench.ws;

import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.WireCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fan-out clients in the JVM that runs them: JDK WebSocket clients that {@code auth}, {@code resume} and read
 * everything into a {@link FanoutReader} each. Used in the harness's own JVM for comparison, and as the body
 * of {@link FanoutClientsMain} in a JVM of their own.
 */
final class InProcessClients implements FanoutClients {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<FanoutReader> readers = new ArrayList<>();
    private final List<TimedClient> clients = new ArrayList<>();

    InProcessClients(URI uri, String token, int count, long totalEvents, long warmupEvents) {
        WireCodec codec = new WireCodec();
        try {
            for (int i = 0; i < count; i++) {
                FanoutReader reader = new FanoutReader(totalEvents, warmupEvents);
                TimedClient client = TimedClient.authenticated(http, uri, token, codec, reader);
                readers.add(reader);
                clients.add(client);
                client.send(ResumeMessage.fresh());
            }
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    @Override
    public void awaitSubscribed(Duration timeout) throws InterruptedException {
        if (!awaitAll(readers.stream().map(FanoutReader::subscribed).toList(), timeout)) {
            throw new IllegalStateException("a client got no snapshot within " + timeout + " of its resume");
        }
    }

    @Override
    public List<FanoutReader.Result> results(Duration timeout) throws InterruptedException {
        awaitAll(readers.stream().map(FanoutReader::finished).toList(), timeout);
        return readers.stream().map(FanoutReader::result).toList();
    }

    /** One deadline for all: waiting on each latch in turn with the full timeout would add them up. */
    private static boolean awaitAll(List<CountDownLatch> latches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CountDownLatch latch : latches) {
            if (!latch.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        clients.forEach(TimedClient::close);
        http.shutdownNow();
    }
}
