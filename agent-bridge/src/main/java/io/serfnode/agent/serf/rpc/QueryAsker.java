package io.serfnode.agent.serf.rpc;

import io.serfnode.agent.support.ComponentLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Asks one kind of serf query and collects the answers, each decoded as it arrives. A round ends as soon as
 * every awaited member answered, when serf ends the query, or a grace period after the query's timeout
 * (serf's final record can be lost with its connection); it then completes with what it collected.
 *
 * <p>Serf gives no delivery guarantee for queries: on loopback about one query in a hundred never reached
 * the asked agent's RPC clients. {@link #askUntilAnswered} therefore asks a silent member again.
 */
public final class QueryAsker<T> {

    /** Decodes one responder's answer; throws a {@link RuntimeException} saying why it is unreadable. */
    @FunctionalInterface
    public interface AnswerDecoder<T> {
        T decode(String responder, byte[] payload);
    }

    private final Supplier<SerfRpc> rpc;
    private final String queryName;
    private final AnswerDecoder<T> decoder;
    private final Duration grace;
    private final ComponentLog log;

    /**
     * @param rpc   the client to ask through, looked up for every round so that a reconnected one is used
     * @param grace beyond the query's timeout: how long serf's final record may take before the round ends
     */
    public QueryAsker(Supplier<SerfRpc> rpc, String queryName, AnswerDecoder<T> decoder, Duration grace,
                      ComponentLog log) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.queryName = Objects.requireNonNull(queryName, "queryName");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * One round: the query to {@code filterNodes} (everyone when empty). Fails only when the query could not
     * be sent; a stream that broke off completes with what was collected and {@link QueryAnswers#brokenOff()}.
     *
     * @param awaited the members whose answers end the round early; empty waits for serf to end it
     */
    public CompletableFuture<QueryAnswers<T>> ask(byte[] payload, List<String> filterNodes, Set<String> awaited,
                                                  Duration timeout) {
        QueryRequest request = QueryRequest.of(queryName, payload)
                .withFilterNodes(filterNodes)
                .withTimeout(timeout);
        Round round = new Round(Set.copyOf(awaited));
        try {
            rpc.get().query(request, round);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return round.done.completeOnTimeout(null, timeout.plus(grace).toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(ended -> round.finish());
    }

    /**
     * Asks {@code member} alone, again while it gives no answer at all, up to {@code attempts} rounds;
     * completes with the last round's answers (which may still lack the member's).
     */
    public CompletableFuture<QueryAnswers<T>> askUntilAnswered(String member, byte[] payload, Duration timeout,
                                                               int attempts) {
        return askUntilAnswered(member, payload, timeout, attempts, 1);
    }

    private CompletableFuture<QueryAnswers<T>> askUntilAnswered(String member, byte[] payload, Duration timeout,
                                                                int attempts, int attempt) {
        return ask(payload, List.of(member), Set.of(member), timeout).thenCompose(answers -> {
            if (!answers.answered(member) && attempt < attempts) {
                log.info("%s did not answer %s (attempt %d of %d); asking again", member, queryName, attempt,
                        attempts);
                return askUntilAnswered(member, payload, timeout, attempts, attempt + 1);
            }
            return CompletableFuture.completedFuture(answers);
        });
    }

    /** Gathers the answers to one query on that query's dispatcher thread. */
    private final class Round extends QueryCallback {
        private final Set<String> awaited;
        private final Map<String, T> readable = new ConcurrentHashMap<>();
        private final Map<String, RuntimeException> unreadable = new ConcurrentHashMap<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile Throwable brokenOff;

        Round(Set<String> awaited) {
            this.awaited = awaited;
        }

        @Override
        public void onNext(QueryRecord record) {
            if (!(record instanceof QueryRecord.Response response) || answered(response.from())) {
                return;
            }
            try {
                readable.put(response.from(), decoder.decode(response.from(), response.payload()));
            } catch (RuntimeException e) {
                log.warn("unreadable answer of %s to %s: %s", response.from(), queryName, e.getMessage());
                unreadable.put(response.from(), e);
            }
            if (!awaited.isEmpty() && awaited.stream().allMatch(this::answered)) {
                // everyone we wait for answered: no need to sit out the query's timeout
                done.complete(null);
            }
        }

        @Override
        protected void brokenOff(Throwable error) {
            brokenOff = error;
            done.complete(null);
        }

        @Override
        protected void ended() {
            done.complete(null);
        }

        private boolean answered(String member) {
            return readable.containsKey(member) || unreadable.containsKey(member);
        }

        /** The answers so far; stops the query if serf has not ended it yet. */
        QueryAnswers<T> finish() {
            stop();
            return new QueryAnswers<>(readable, unreadable, brokenOff);
        }
    }
}
