package io.serfnode.agent.spawn;

import io.serfnode.agent.serf.rpc.QueryRecord;
import io.serfnode.agent.serf.rpc.QueryRequest;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.support.ComponentLog;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@link ConfigFetcher} through serf: {@code serfnode.config} queries filtered to the member, one page after
 * the other. A page that gets no answer is asked again (serf may lose a query); pages of a text that changed
 * meanwhile (the member restarted with another file) start the fetch over, once.
 */
public final class SerfConfigFetcher implements ConfigFetcher {
    private final Supplier<SerfRpc> rpc;
    private final Duration pageTimeout;
    private final int attempts;
    private final ConfigQueryCodec codec = new ConfigQueryCodec(SerfLimits.DEFAULTS);
    private final ComponentLog log;

    public SerfConfigFetcher(String member, Supplier<SerfRpc> rpc, Duration pageTimeout, int attempts) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.pageTimeout = Objects.requireNonNull(pageTimeout, "pageTimeout");
        this.attempts = attempts;
        this.log = ComponentLog.of(member, "config-query");
    }

    public static SerfConfigFetcher withDefaults(String member, Supplier<SerfRpc> rpc) {
        // a member that just joined was once seen to miss three queries in a row: ask more often, for up to
        // 16 s, still well inside the spawn's join timeout
        return new SerfConfigFetcher(member, rpc, Duration.ofSeconds(2), 8);
    }

    @Override
    public MemberConfiguration fetch(String member) throws SpawnException, InterruptedException {
        for (int round = 1; ; round++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            String hash = null;
            int total = -1;
            boolean changed = false;
            while (total < 0 || text.size() < total) {
                ConfigQueryCodec.Page page = page(member, text.size());
                if (hash != null && !hash.equals(page.hash())) {
                    changed = true;
                    break;
                }
                hash = page.hash();
                total = page.total();
                text.write(page.data(), 0, page.data().length);
            }
            if (!changed) {
                return new MemberConfiguration(text.toString(StandardCharsets.UTF_8), "the configuration of member '"
                        + member + "'");
            }
            if (round >= 2) {
                throw SpawnException.failed("member '" + member + "' kept changing its configuration while it was "
                        + "being fetched", null);
            }
            log.info("member %s changed its configuration while it was being fetched; fetching again", member);
        }
    }

    private ConfigQueryCodec.Page page(String member, int from) throws SpawnException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            byte[] answer = ask(member, from);
            if (answer != null) {
                try {
                    ConfigQueryCodec.Page page = codec.decodePage(member, answer);
                    if (page.from() != from) {
                        throw new IllegalArgumentException("member '" + member + "' answered offset " + page.from()
                                + " when asked for offset " + from);
                    }
                    return page;
                } catch (IllegalArgumentException e) {
                    throw SpawnException.failed("could not read the configuration of member '" + member + "': "
                            + e.getMessage(), e);
                }
            }
            if (attempt >= attempts) {
                throw SpawnException.failed("member '" + member + "' did not answer " + ConfigQueryCodec.QUERY_NAME
                        + " (its configuration from byte " + from + ") within " + pageTimeout.toMillis() + " ms, asked "
                        + attempts + " times", null);
            }
            log.info("member %s did not answer %s from byte %d (attempt %d of %d); asking again", member,
                    ConfigQueryCodec.QUERY_NAME, from, attempt, attempts);
        }
    }

    /** One query; the member's answer, or {@code null} when none came. */
    private byte[] ask(String member, int from) throws SpawnException, InterruptedException {
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        Closeable[] stream = new Closeable[1];
        QueryRequest query = QueryRequest.of(ConfigQueryCodec.QUERY_NAME, codec.encodeRequest(from))
                .withFilterNodes(List.of(member))
                .withTimeout(pageTimeout);
        try {
            rpc.get().query(query, new StreamCallback<>() {
                @Override
                public void onStart(Closeable query) {
                    stream[0] = query;
                }

                @Override
                public void onNext(QueryRecord record) {
                    if (record instanceof QueryRecord.Response response && response.from().equals(member)) {
                        answer.complete(response.payload());
                    } else if (record instanceof QueryRecord.Done) {
                        answer.complete(null);
                    }
                }

                @Override
                public void onError(Throwable error) {
                    answer.completeExceptionally(error);
                }

                @Override
                public void onComplete() {
                    answer.complete(null);
                }
            });
        } catch (RuntimeException e) {
            throw SpawnException.failed("could not ask member '" + member + "' for its configuration: "
                    + e.getMessage(), e);
        }
        try {
            return answer.get(pageTimeout.plusSeconds(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw SpawnException.failed("asking member '" + member + "' for its configuration broke off: "
                    + e.getCause().getMessage(), e.getCause());
        } finally {
            if (stream[0] != null) {
                try {
                    stream[0].close();
                } catch (IOException e) {
                    log.debug("closing a finished %s query: %s", ConfigQueryCodec.QUERY_NAME, e.getMessage());
                }
            }
        }
    }
}
