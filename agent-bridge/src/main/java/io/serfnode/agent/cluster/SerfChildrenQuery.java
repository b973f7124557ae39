package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.QueryAnswers;
import io.serfnode.agent.serf.rpc.QueryAsker;
import io.serfnode.agent.serf.rpc.QueryRetry;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.support.ComponentLog;
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
import java.util.function.Supplier;

/**
 * {@link ChildrenQuery} through serf's {@code query}.
 *
 * <p>A page that got no answer is asked again, up to {@link QueryRetry#attempts()} times in all:
 * serf gives no delivery guarantee for queries, and on loopback it lost about one query in a hundred (the
 * asked agent logged the query message but never handed the query to its RPC clients).
 */
public final class SerfChildrenQuery implements ChildrenQuery {
    /** Beyond serf's own timeout: the time its final record may take to arrive before we stop waiting. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final ChildrenQueryCodec codec;
    private final QueryRetry config;
    private final ComponentLog log;
    private final QueryAsker<ChildrenPageAnswer> asker;

    /**
     * @param rpc the client to ask through, looked up for every query so that a reconnected one is used
     */
    public SerfChildrenQuery(String member, Supplier<SerfRpc> rpc, ChildrenQueryCodec codec,
                             QueryRetry config) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.config = Objects.requireNonNull(config, "config");
        this.log = ComponentLog.of(member, "children-query");
        this.asker = new QueryAsker<>(rpc, ClusterNames.CHILDREN_QUERY, codec::decodePage, GRACE, log);
    }

    /** Five seconds a page, three attempts. */
    public static QueryRetry defaultRetry() {
        return new QueryRetry(Duration.ofSeconds(5), 3);
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
            Set<String> responders = new LinkedHashSet<>(first.readable().keySet());
            responders.addAll(first.unreadable().keySet());
            responders.forEach(member -> perMember.put(member, continueFrom(member, first.outcomeOf(member))));
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
        return askOne(member, from).thenCompose(answer -> {
            int next = pages.add(page(member, from, answer));
            if (next == Pages.RESTART) {
                log.info("%s changed its children while being asked; asking again from the first page", member);
                return pages(member, new Pages(member, pages.attempt + 1), 0);
            }
            return next < 0 ? CompletableFuture.completedFuture(pages.result()) : pages(member, pages, next);
        });
    }

    /** The answer of {@code member} for the page at {@code from}, asked again while none comes. */
    private CompletableFuture<Object> askOne(String member, int from) {
        return asker.askUntilAnswered(member, codec.encodeRequest(from), config.timeout(), config.attempts())
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(notSent(member, error)))
                .thenApply(answers -> {
                    if (!answers.answered(member) && answers.brokenOff() != null) {
                        throw new ChildrenQueryException(member, ClusterNames.CHILDREN_QUERY + " to " + member
                                + " broke off: " + answers.brokenOff().getMessage(), answers.brokenOff());
                    }
                    return answers.outcomeOf(member);
                });
    }

    private ChildrenPageAnswer page(String member, int from, Object answer) {
        if (answer == null) {
            throw noAnswer(member, from);
        }
        if (answer instanceof RuntimeException bad) {
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
                + " (children from index " + from + ") within " + config.timeout().toMillis() + " ms, asked "
                + config.attempts() + " time(s)");
    }

    /** One query to {@code nodes} (everyone when empty) for the page at {@code from}. */
    private CompletableFuture<QueryAnswers<ChildrenPageAnswer>> ask(List<String> nodes, int from, Set<String> awaited) {
        return asker.ask(codec.encodeRequest(from), nodes, awaited, config.timeout())
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(
                        notSent(nodes.isEmpty() ? "every member" : nodes.getFirst(), error)));
    }

    private static ChildrenQueryException notSent(String member, Throwable error) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        return cause instanceof ChildrenQueryException query ? query : new ChildrenQueryException(member,
                "could not ask " + member + " with " + ClusterNames.CHILDREN_QUERY + ": " + cause.getMessage(), cause);
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
