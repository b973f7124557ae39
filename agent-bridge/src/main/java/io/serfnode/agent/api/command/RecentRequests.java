package io.serfnode.agent.api.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The commands this member began for recent requests, so that a request sent again (its first query or answer
 * was lost) waits for the same command instead of beginning another.
 *
 * @param <T> what a command ends with
 */
final class RecentRequests<T> {
    private final Map<String, CompletionStage<T>> begun;

    RecentRequests(int capacity) {
        this.begun = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletionStage<T>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The command begun for {@code request}, beginning it now if this is the request's first arrival. */
    synchronized CompletionStage<T> beginOnce(String request,
                                                               Supplier<CompletionStage<T>> begin) {
        CompletionStage<T> known = begun.get(request);
        if (known != null) {
            return known;
        }
        CompletionStage<T> stage = begin.get();
        begun.put(request, stage);
        return stage;
    }
}
