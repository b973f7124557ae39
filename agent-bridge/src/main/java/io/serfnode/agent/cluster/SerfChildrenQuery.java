package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.QueryRecord;
import io.serfnode.agent.serf.rpc.QueryRequest;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.support.ComponentLog;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@link ChildrenQuery} through serf's {@code query}.
 *
 * <p>A page that got no answer is asked again, up to {@link ChildrenQueryConfig#attempts()} times in all:
 * serf gives no delivery guarantee for queries, and on loopback it lost about one query in a hundred (the
 * asked agent logged the query message but never handed the query to its RPC clients).
 */
public final class SerfChildrenQuery implements ChildrenQuery {
    /** Beyond serf's own timeout: the time its final record may take to arrive before we stop waiting. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Supplier<SerfRpc> rpc;
    private final ChildrenQueryCodec codec;
    private final ChildrenQueryConfig config;
    private final ComponentLog log;

    /**
     * @param rpc the client to ask through, looked up for every query so that a reconnected one is used
     */
    public SerfChildrenQuery(String member, Supplier<SerfRpc> rpc, ChildrenQueryCodec codec,
                             ChildrenQueryConfig config) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.config = Objects.requireNonNull(config, "config");
        this.log = ComponentLog.of(member, "children-query");
    }

    @Override
    public CompletableFuture<MemberChildren> fetch(String member) {
        Objects.requireNonNull(member, "member");
        return pages(member, new Pages(member, 1), 0);
    }

    @Override
    public CompletableFuture<ClusterChildrenAnswers> fetchAll(Collection<String> expectedMembers) {
        Set<String> expected = new LinkedHashSet<>(expectedMembers);
        return ask(List.of(), 0, expected).thenCompose(first -> {
            Map<String, CompletableFuture<MemberChildren>> perMember = new LinkedHashMap<>();
            first.forEach((member, answer) -> perMember.put(member, continueFrom(member, answer)));
            for (String member : expected) {
                // its answer to the broadcast may just have been lost: ask it alone
                perMember.computeIfAbsent(member, missing -> fetch(missing));
            }
            return CompletableFuture.allOf(perMember.values().stream()
                            .map(future -> future.handle((children, error) -> null))
                            .toArray(CompletableFuture[]::new))
                    .thenApply(done -> collect(perMember));
        });
    }

    private CompletableFuture<MemberChildren> continueFrom(String member, Object firstAnswer) {
        try {
            Pages pages = new Pages(member, 1);
            int next = pages.add(page(member, 0, firstAnswer));
            return next < 0 ? CompletableFuture.completedFuture(pages.result()) : pages(member, pages, next);
        } catch (ChildrenQueryException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Asks {@code member} for the page at {@code from}, then the ones after it. */
    private CompletableFuture<MemberChildren> pages(String member, Pages pages, int from) {
        return askOne(member, from, 1).thenCompose(answer -> {
            int next = pages.add(page(member, from, answer));
            if (next == Pages.RESTART) {
                log.info("%s changed its children while being asked; asking again from the first page", member);
                return pages(member, new Pages(member, pages.attempt + 1), 0);
            }
            return next < 0 ? CompletableFuture.completedFuture(pages.result()) : pages(member, pages, next);
        });
    }

    /** The answer of {@code member} for the page at {@code from}, asked again while none comes. */
    private CompletableFuture<Object> askOne(String member, int from, int attempt) {
        return ask(List.of(member), from, Set.of(member)).thenCompose(answers -> {
            Object answer = answers.get(member);
            if (answer == null && attempt < config.attempts()) {
                log.info("%s did not answer %s for index %d (attempt %d of %d); asking again", member,
                        ClusterNames.CHILDREN_QUERY, from, attempt, config.attempts());
                return askOne(member, from, attempt + 1);
            }
            return CompletableFuture.completedFuture(answer);
        });
    }

    private ChildrenPageAnswer page(String member, int from, Object answer) {
        if (answer == null) {
            throw noAnswer(member, from);
        }
        if (answer instanceof ClusterPayloadException bad) {
            throw new ChildrenQueryException(member, bad.getMessage(), bad);
        }
        ChildrenPageAnswer page = (ChildrenPageAnswer) answer;
        if (page.from() != from) {
            throw new ChildrenQueryException(member, member + " answered " + ClusterNames.CHILDREN_QUERY
                    + " for index " + from + " with the page from index " + page.from());
        }
        return page;
    }

    private ChildrenQueryTimeoutException noAnswer(String member, int from) {
        return new ChildrenQueryTimeoutException(member, member + " did not answer " + ClusterNames.CHILDREN_QUERY
                + " (children from index " + from + ") within " + config.pageTimeout().toMillis() + " ms, asked "
                + config.attempts() + " time(s)");
    }

    /**
     * One query for the page at {@code from}; completes with each responder's page (or the reason it could
     * not be read) once every awaited member answered, or when serf ends the query.
     */
    private CompletableFuture<Map<String, Object>> ask(List<String> nodes, int from, Set<String> awaited) {
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        QueryRequest request = QueryRequest.of(ClusterNames.CHILDREN_QUERY, codec.encodeRequest(from))
                .withFilterNodes(nodes)
                .withTimeout(config.pageTimeout());
        try {
            rpc.get().query(request, new Collector(awaited, result));
        } catch (RuntimeException e) {
            String member = nodes.isEmpty() ? "every member" : nodes.getFirst();
            result.completeExceptionally(new ChildrenQueryException(member, "could not ask " + member + " with "
                    + ClusterNames.CHILDREN_QUERY + ": " + e.getMessage(), e));
        }
        return result.orTimeout(config.pageTimeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof TimeoutException) {
                        // serf never ended the query: take it as no answer from whoever did not answer
                        return CompletableFuture.completedFuture(Map.of());
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    private static ClusterChildrenAnswers collect(Map<String, CompletableFuture<MemberChildren>> perMember) {
        Map<String, MemberChildren> answered = new LinkedHashMap<>();
        Map<String, ChildrenQueryException> failed = new LinkedHashMap<>();
        perMember.forEach((member, future) -> {
            try {
                answered.put(member, future.join());
            } catch (CompletionException e) {
                failed.put(member, e.getCause() instanceof ChildrenQueryException query ? query
                        : new ChildrenQueryException(member, String.valueOf(e.getCause().getMessage()), e.getCause()));
            }
        });
        return new ClusterChildrenAnswers(answered, failed);
    }

    /** Gathers the answers to one query on that query's dispatcher thread. */
    private final class Collector implements StreamCallback<QueryRecord> {
        private final Set<String> awaited;
        private final CompletableFuture<Map<String, Object>> result;
        private final Map<String, Object> answers = new LinkedHashMap<>();
        private Closeable stream;

        Collector(Set<String> awaited, CompletableFuture<Map<String, Object>> result) {
            this.awaited = awaited;
            this.result = result;
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
                answers.put(response.from(), codec.decodePage(response.from(), response.payload()));
            } catch (ClusterPayloadException e) {
                log.warn("unreadable answer of %s: %s", response.from(), e.getMessage());
                answers.put(response.from(), e);
            }
            if (!awaited.isEmpty() && answers.keySet().containsAll(awaited)) {
                // everyone we wait for answered: no need to sit out the query's timeout
                result.complete(Map.copyOf(answers));
                closeQuietly();
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(new ChildrenQueryException(String.join(",", awaited),
                    ClusterNames.CHILDREN_QUERY + " broke off: " + error.getMessage(), error));
        }

        @Override
        public void onComplete() {
            result.complete(Map.copyOf(answers));
        }

        private void closeQuietly() {
            try {
                if (stream != null) {
                    stream.close();
                }
            } catch (IOException e) {
                log.debug("closing a finished query: %s", e.getMessage());
            }
        }
    }

    /** The pages of one member collected so far. */
    private final class Pages {
        static final int RESTART = -2;

        final String member;
        final int attempt;
        final List<KnownChild> children = new ArrayList<>();
        int total = -1;
        long counter = Long.MAX_VALUE;

        Pages(String member, int attempt) {
            this.member = member;
            this.attempt = attempt;
        }

        /** Adds a page; the index to ask next, -1 when complete, or {@link #RESTART}. */
        int add(ChildrenPageAnswer page) {
            if (total >= 0 && page.total() != total) {
                if (attempt >= config.attempts()) {
                    throw new ChildrenQueryException(member, member + " kept changing its number of children "
                            + "while being asked (" + total + ", then " + page.total() + ")");
                }
                return RESTART;
            }
            total = page.total();
            // pages may come from different moments: the oldest counter is the one everything is known up to
            counter = Math.min(counter, page.counter());
            children.addAll(page.children());
            return page.next().orElse(-1);
        }

        MemberChildren result() {
            return new MemberChildren(member, counter == Long.MAX_VALUE ? 0 : counter, children, true);
        }
    }
}
