package io.serfnode.agent.cluster;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a member's transitions as read from its answer to {@code serfnode.transitions}.
 *
 * @param oldestHeld the counter of the oldest transition the member still holds, 0 when it holds none
 * @param next       the counter to ask from for the rest of the range; empty when this page ends it
 */
public record TransitionsPageAnswer(String member, long oldestHeld, OptionalLong next,
                                    List<ChildTransition> transitions) {
    public TransitionsPageAnswer {
        transitions = List.copyOf(transitions);
    }
}
