package io.serfnode.agent.cluster;

import io.serfnode.model.event.SupervisorStateChanged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything a {@link ClusterChildrenListener} was told. */
final class RecordingListener implements ClusterChildrenListener {
    final List<SupervisorStateChanged> transitions = new CopyOnWriteArrayList<>();
    final List<TransitionGap> gaps = new CopyOnWriteArrayList<>();
    final List<TransitionGap> missing = new CopyOnWriteArrayList<>();
    final List<MemberChildren> replaced = new CopyOnWriteArrayList<>();
    final List<String> forgotten = new CopyOnWriteArrayList<>();

    @Override
    public void onTransition(SupervisorStateChanged event) {
        transitions.add(event);
    }

    @Override
    public void onMissing(TransitionGap gap) {
        missing.add(gap);
    }

    @Override
    public void onGap(TransitionGap gap) {
        gaps.add(gap);
    }

    @Override
    public void onReplaced(MemberChildren children) {
        replaced.add(children);
    }

    @Override
    public void onForgotten(String member) {
        forgotten.add(member);
    }

    /** The counters of {@code member}'s transitions, in the order told. */
    List<Long> countersOf(String member) {
        return transitions.stream().filter(t -> t.member().equals(member)).map(SupervisorStateChanged::counter)
                .toList();
    }
}
