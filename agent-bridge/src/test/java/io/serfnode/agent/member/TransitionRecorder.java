package io.serfnode.agent.member;

import io.serfnode.agent.supervisor.TransitionCallback;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.SupervisorStateChanged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every supervisor transition a member reports, in delivery order, for assertions on exact sequences. */
final class TransitionRecorder implements TransitionCallback {

    /** One transition without its time and counter, the parts a test can predict. */
    record Step(String child, SupervisorState from, SupervisorState to, Integer exitCode, int attempt) {
        static Step of(SupervisorStateChanged event) {
            return new Step(event.child(), event.from(), event.to(), event.exitCode(), event.attempt());
        }

        /** {@code FROM->TO}, for sequences where exit codes and attempts do not matter. */
        String move() {
            return from + "->" + to;
        }
    }

    private final List<SupervisorStateChanged> events = new CopyOnWriteArrayList<>();

    @Override
    public void onNext(SupervisorStateChanged event) {
        events.add(event);
    }

    List<SupervisorStateChanged> events() {
        return List.copyOf(events);
    }

    List<Step> steps(String child) {
        return events.stream().filter(event -> event.child().equals(child)).map(Step::of).toList();
    }

    List<String> moves(String child) {
        return steps(child).stream().map(Step::move).toList();
    }

    List<Long> counters() {
        return events.stream().map(SupervisorStateChanged::counter).toList();
    }

    /** Forgets what was recorded so far, so the next sequence can be asserted on its own. */
    void clear() {
        events.clear();
    }
}
