package io.serfnode.agent.cluster.view;

import io.serfnode.agent.serf.rpc.QueryRecord;
import io.serfnode.agent.serf.rpc.QueryRequest;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.command.ViewReport;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@link ClusterViewCheck} through serf's {@code query}: one round to everyone, then rounds to the members
 * the asker holds alive that stayed silent. Members the asker holds failed are not asked again: if they are
 * on the far side of a partition no query reaches them, and they are reported as "no answer".
 */
public final class SerfViewCheck implements ClusterViewCheck {
    /** Beyond serf's own timeout: the time its final record may take to arrive before we stop waiting. */
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Supplier<SerfRpc> rpc;
    private final Supplier<List<Member>> members;
    private final ViewQueryCodec codec;
    private final ViewCheckConfig config;
    private final ComponentLog log;

    /**
     * @param rpc     the client to ask through, looked up for every check so that a reconnected one is used
     * @param members the members this member knows: who is expected to answer
     */
    public SerfViewCheck(String member, Supplier<SerfRpc> rpc, Supplier<List<Member>> members, ViewQueryCodec codec,
            ViewCheckConfig config) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.members = Objects.requireNonNull(members, "members");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.config = Objects.requireNonNull(config, "config");
        this.log = ComponentLog.of(member, "view-check");
    }

    @Override
    public ViewReport check(Duration timeout) throws InterruptedException {
        Duration round = timeout == null ? config.timeout() : timeout;
        List<Member> known = members.get();
        Set<String> expected = new TreeSet<>();
        Set<String> awaited = new TreeSet<>();
        for (Member member : known) {
            if (member.status() != MemberStatus.LEFT && member.status() != MemberStatus.LEAVING) {
                expected.add(member.name());
            }
            if (member.status() == MemberStatus.ALIVE) {
                awaited.add(member.name());
            }
        }
        Map<String, LocalView> answers = new TreeMap<>();
        for (int attempt = 1; attempt <= config.attempts(); attempt++) {
            List<String> silent = new ArrayList<>(awaited);
            silent.removeAll(answers.keySet());
            if (attempt > 1) {
                if (silent.isEmpty()) {
                    break;
                }
                log.info("%s did not answer %s (round %d of %d); asking again", silent, ViewQueryCodec.QUERY_NAME,
                        attempt - 1, config.attempts());
            }
            answers.putAll(round(attempt == 1 ? List.of() : silent, silent, round));
            if (answers.keySet().containsAll(awaited)) {
                break;
            }
        }
        return ViewGrouping.report(answers, expected);
    }

    /** One query; returns the readable answers once every awaited member answered or serf ended it. */
    private Map<String, LocalView> round(List<String> filterNodes, Collection<String> awaited, Duration timeout)
            throws InterruptedException {
        QueryRequest request = QueryRequest.of(ViewQueryCodec.QUERY_NAME, codec.encodeRequest())
                .withFilterNodes(filterNodes)
                .withTimeout(timeout);
        Collector collector = new Collector(Set.copyOf(awaited));
        try {
            rpc.get().query(request, collector);
        } catch (RuntimeException e) {
            throw new ViewCheckException("could not send " + ViewQueryCodec.QUERY_NAME + ": " + e.getMessage(), e);
        }
        try {
            collector.done.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("serf did not end %s within %d ms; using the answers it collected", ViewQueryCodec.QUERY_NAME,
                    timeout.plus(GRACE).toMillis());
            collector.closeQuietly();
        } catch (ExecutionException e) {
            log.warn("%s broke off: %s; using the answers collected so far", ViewQueryCodec.QUERY_NAME,
                    e.getCause().getMessage());
        }
        return Map.copyOf(collector.answers);
    }

    /** Gathers the answers to one query on that query's dispatcher thread. */
    private final class Collector implements StreamCallback<QueryRecord> {
        private final Set<String> awaited;
        private final Map<String, LocalView> answers = new ConcurrentHashMap<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile Closeable stream;

        Collector(Set<String> awaited) {
            this.awaited = awaited;
        }

        @Override
        public void onStart(Closeable query) {
            stream = query;
        }

        @Override
        public void onNext(QueryRecord record) {
            if (!(record instanceof QueryRecord.Response response) || answers.containsKey(response.from())) {
                return;
            }
            try {
                answers.put(response.from(), codec.decodeAnswer(response.from(), response.payload()));
            } catch (ViewPayloadException e) {
                // an answer we cannot read tells nothing about its view: the member counts as "no answer"
                log.warn("unreadable answer of %s: %s", response.from(), e.getMessage());
            }
            if (!awaited.isEmpty() && answers.keySet().containsAll(awaited)) {
                // everyone we wait for answered: no need to sit out the query's timeout
                done.complete(null);
                closeQuietly();
            }
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }

        void closeQuietly() {
            try {
                Closeable query = stream;
                if (query != null) {
                    query.close();
                }
            } catch (IOException e) {
                log.debug("closing a finished query: %s", e.getMessage());
            }
        }
    }
}
