package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.QueryAsker;
import io.serfnode.agent.serf.rpc.QueryRetry;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.support.ComponentLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** {@link TransitionsQuery} through serf's {@code query}, each page asked of the member alone. */
public final class SerfTransitionsQuery implements TransitionsQuery {
    /** Beyond serf's own timeout: the time its final record may take to arrive before we stop waiting. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final TransitionsQueryCodec codec;
    private final QueryRetry config;
    private final QueryAsker<TransitionsPageAnswer> asker;

    /**
     * @param rpc the client to ask through, looked up for every query so that a reconnected one is used
     */
    public SerfTransitionsQuery(String member, Supplier<SerfRpc> rpc, TransitionsQueryCodec codec,
                                QueryRetry config) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.config = Objects.requireNonNull(config, "config");
        this.asker = new QueryAsker<>(rpc, ClusterNames.TRANSITIONS_QUERY, codec::decodePage, GRACE,
                ComponentLog.of(member, "transitions-query"));
    }

    /** Two seconds a page, three attempts: the transitions are wanted while later ones wait for them. */
    public static QueryRetry defaultRetry() {
        return new QueryRetry(Duration.ofSeconds(2), 3);
    }

    @Override
    public CompletableFuture<List<ChildTransition>> fetch(String member, long first, long last) {
        Objects.requireNonNull(member, "member");
        return pages(member, first, last, new ArrayList<>());
    }

    private CompletableFuture<List<ChildTransition>> pages(String member, long from, long last,
                                                           List<ChildTransition> fetched) {
        byte[] request = codec.encodeRequest(from, last);
        return asker.askUntilAnswered(member, request, config.timeout(), config.attempts())
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(new TransitionsQueryException(
                        "could not ask " + member + " with " + ClusterNames.TRANSITIONS_QUERY + ": "
                                + cause(error).getMessage(), cause(error))))
                .thenCompose(answers -> {
                    Object answer = answers.outcomeOf(member);
                    if (answer == null) {
                        throw new TransitionsQueryException(member + " did not answer "
                                + ClusterNames.TRANSITIONS_QUERY + " (transitions " + from + " to " + last + ") within "
                                + config.timeout().toMillis() + " ms, asked " + config.attempts() + " time(s)");
                    }
                    if (answer instanceof RuntimeException unreadable) {
                        throw new TransitionsQueryException(unreadable.getMessage(), unreadable);
                    }
                    TransitionsPageAnswer page = (TransitionsPageAnswer) answer;
                    page.transitions().stream()
                            .filter(transition -> transition.counter() >= from && transition.counter() <= last)
                            .forEach(fetched::add);
                    long next = page.next().orElse(Long.MAX_VALUE);
                    if (next <= from) {
                        throw new TransitionsQueryException(member + " answered " + ClusterNames.TRANSITIONS_QUERY
                                + " for transitions from " + from + " with a next page from " + next);
                    }
                    return next <= last ? pages(member, next, last, fetched)
                            : CompletableFuture.completedFuture(List.copyOf(fetched));
                });
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
