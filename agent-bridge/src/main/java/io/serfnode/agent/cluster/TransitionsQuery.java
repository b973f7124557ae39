package io.serfnode.agent.cluster;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Asks a member for transitions of its own that this member missed, with {@code serfnode.transitions}. */
public interface TransitionsQuery {

    /**
     * The transitions with counters {@code first} to {@code last} that {@code member} still holds, in counter
     * order, page after page. Ones it no longer holds are left out (the list may be empty). Fails with
     * {@link TransitionsQueryException} when a page gets no answer or an unreadable one.
     */
    CompletableFuture<List<ChildTransition>> fetch(String member, long first, long last);
}
