package io.serfnode.agent.supervisor;

import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.SupervisorStateChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the transitions a supervisor delivers. */
final class RecordedTransitions implements TransitionCallback {
    final List<SupervisorStateChanged> events = new CopyOnWriteArrayList<>();
    volatile boolean completed;

    @Override
    public void onNext(SupervisorStateChanged event) {
        events.add(event);
    }

    @Override
    public void onComplete() {
        completed = true;
    }

    /** "FROM>TO" for each transition of {@code child}. */
    List<String> of(String child) {
        List<String> steps = new ArrayList<>();
        for (SupervisorStateChanged event : events) {
            if (event.child().equals(child)) {
                steps.add(event.from() + ">" + event.to());
            }
        }
        return steps;
    }

    List<SupervisorState> statesOf(String child) {
        return events.stream().filter(e -> e.child().equals(child)).map(SupervisorStateChanged::to).toList();
    }

    SupervisorStateChanged last() {
        return events.getLast();
    }

    void clear() {
        events.clear();
    }
}
