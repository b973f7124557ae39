package io.serfnode.agent.cluster;

import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.event.SupervisorStateChanged;
import java.util.Objects;

/**
 * Fetches the transitions {@link ClusterChildren} reports missing from the member that made them and hands
 * them in, so that they go out in counter order like any other; then ends the fetching, which declares a gap
 * for whatever the member no longer held (and {@link ChildrenReconciler} asks for its children).
 */
public final class TransitionRepair implements ClusterChildrenListener {
    private final ClusterChildren children;
    private final TransitionsQuery query;
    private final ComponentLog log;

    public TransitionRepair(String member, ClusterChildren children, TransitionsQuery query) {
        this.children = Objects.requireNonNull(children, "children");
        this.query = Objects.requireNonNull(query, "query");
        this.log = ComponentLog.of(member, "sv-repair");
    }

    @Override
    public void onTransition(SupervisorStateChanged event) {
    }

    @Override
    public void onMissing(TransitionGap missing) {
        long first = missing.firstMissing();
        long last = missing.received() - 1;
        query.fetch(missing.member(), first, last).whenComplete((fetched, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException
                        && error.getCause() != null ? error.getCause() : error;
                log.warn("could not fetch transitions %d to %d of %s: %s", first, last, missing.member(),
                        cause.getMessage());
            } else {
                log.info("fetched %d transition(s) of %s between %d and %d", fetched.size(), missing.member(),
                        first, last);
                fetched.forEach(children::apply);
            }
            children.endRepair(missing.member(), last);
        });
    }
}
