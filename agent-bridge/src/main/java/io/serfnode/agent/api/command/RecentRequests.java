package io.serfnode.agent.api.command;

import io.serfnode.agent.supervisor.ChildCommandResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The child commands this member began for recent requests, so that a request sent again (its first query or
 * answer was lost) waits for the same command instead of beginning another.
 */
final class RecentRequests {
    private final Map<String, CompletionStage<ChildCommandResult>> begun;

    RecentRequests(int capacity) {
        this.begun = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletionStage<ChildCommandResult>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The command begun for {@code request}, beginning it now if this is the request's first arrival. */
    synchronized CompletionStage<ChildCommandResult> beginOnce(String request,
                                                               Supplier<CompletionStage<ChildCommandResult>> begin) {
        CompletionStage<ChildCommandResult> known = begun.get(request);
        if (known != null) {
            return known;
        }
        CompletionStage<ChildCommandResult> stage = begin.get();
        begun.put(request, stage);
        return stage;
    }
}
