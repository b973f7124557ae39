package io.serfnode.agent.supervisor;

import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.SupervisorStateChanged;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Turns every transition of a member's children into one {@link SupervisorStateChanged} with the next
 * value of the member's counter, stored before anyone hears of it, and delivers it to every subscriber.
 * Numbering and delivery happen together, so subscribers see the counter strictly increasing.
 */
public final class TransitionPublisher {
    private final String member;
    private final TransitionCounter counter;
    private final ComponentLog log;
    private final List<TransitionCallback> subscribers = new CopyOnWriteArrayList<>();

    public TransitionPublisher(String member, TransitionCounter counter, ComponentLog log) {
        this.member = Objects.requireNonNull(member, "member");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.log = Objects.requireNonNull(log, "log");
    }

    public String member() {
        return member;
    }

    public Closeable subscribe(TransitionCallback callback) {
        Objects.requireNonNull(callback, "callback");
        subscribers.add(callback);
        Closeable subscription = () -> subscribers.remove(callback);
        callback.onStart(subscription);
        return subscription;
    }

    /**
     * Numbers and delivers one transition.
     *
     * @param beforeDelivery told the event's counter before any subscriber sees the event, so that a
     *                       snapshot taken by a subscriber already shows the new state
     */
    public synchronized SupervisorStateChanged publish(String child, SupervisorState from, SupervisorState to,
                                                       Instant time, Integer exitCode, int attempt,
                                                       LongConsumer beforeDelivery) {
        long value;
        try {
            value = counter.next();
        } catch (IOException e) {
            // the transition happened; hiding it would be worse than a counter a later agent may repeat
            value = counter.current();
            log.error(e, "could not store the transition counter %d in %s; after an agent restart receivers may "
                    + "see this value again", value, counter.file());
        }
        SupervisorStateChanged event = new SupervisorStateChanged(time, member, child, from, to, exitCode, attempt,
                value);
        beforeDelivery.accept(value);
        for (TransitionCallback subscriber : subscribers) {
            try {
                subscriber.onNext(event);
            } catch (RuntimeException e) {
                log.warn(e, "a subscriber failed on %s", event);
            }
        }
        return event;
    }

    /** Tells every subscriber that no more events follow. */
    public void complete() {
        for (TransitionCallback subscriber : subscribers) {
            try {
                subscriber.onComplete();
            } catch (RuntimeException e) {
                log.warn(e, "a subscriber failed on completion");
            }
        }
        subscribers.clear();
    }
}
