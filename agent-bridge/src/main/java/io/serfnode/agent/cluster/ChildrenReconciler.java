package io.serfnode.agent.cluster;

import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.event.SupervisorStateChanged;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repairs {@link ClusterChildren} from the members themselves: every member when this one starts, and a
 * member whose transitions went missing as soon as the gap shows. One question per member at a time; a gap
 * reported while the member is being asked is covered by that answer or shows again afterwards.
 */
public final class ChildrenReconciler implements ClusterChildrenListener {
    private final ClusterChildren children;
    private final ChildrenQuery query;
    private final ComponentLog log;
    private final Map<String, CompletableFuture<MemberChildren>> running = new ConcurrentHashMap<>();

    public ChildrenReconciler(String member, ClusterChildren children, ChildrenQuery query) {
        this.children = Objects.requireNonNull(children, "children");
        this.query = Objects.requireNonNull(query, "query");
        this.log = ComponentLog.of(member, "children-reconcile");
    }

    /** Asks every member at once and replaces what each one answered. */
    public CompletableFuture<ClusterChildrenAnswers> reconcileAll(Collection<String> members) {
        return query.fetchAll(members).thenCompose(answers -> {
            answers.failed().forEach((member, error) ->
                    log.warn("no children from %s: %s", member, error.getMessage()));
            return CompletableFuture.allOf(answers.answered().values().stream()
                            .map(children::replace).toArray(CompletableFuture[]::new))
                    .thenApply(done -> answers);
        });
    }

    /** Asks one member, unless it is being asked already, and replaces its children with the answer. */
    public CompletableFuture<MemberChildren> reconcile(String member) {
        CompletableFuture<MemberChildren> started = new CompletableFuture<>();
        CompletableFuture<MemberChildren> current = running.putIfAbsent(member, started);
        if (current != null) {
            return current;
        }
        query.fetch(member)
                .thenCompose(answer -> children.replace(answer).thenApply(done -> answer))
                .whenComplete((answer, error) -> {
                    running.remove(member, started);
                    if (error != null) {
                        log.warn("could not reconcile the children of %s: %s", member, error.getMessage());
                        started.completeExceptionally(error);
                    } else {
                        log.info("reconciled the %d children of %s up to transition %d", answer.children().size(),
                                member, answer.counter());
                        started.complete(answer);
                    }
                });
        return started;
    }

    /** Members being asked now. */
    public Set<String> reconciling() {
        return Set.copyOf(running.keySet());
    }

    @Override
    public void onTransition(SupervisorStateChanged event) {
    }

    @Override
    public void onGap(TransitionGap gap) {
        reconcile(gap.member());
    }
}
