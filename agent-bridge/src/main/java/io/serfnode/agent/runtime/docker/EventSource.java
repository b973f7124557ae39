package io.serfnode.agent.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;

/** Opens the engine's stream of container events. */
@FunctionalInterface
interface EventSource {

    /**
     * Starts streaming container events to {@code callback}, from {@code since} (the engine's
     * {@code seconds.nanoseconds}, replaying what the engine still remembers) or from now when null.
     */
    void open(String since, ResultCallback<Event> callback);
}
