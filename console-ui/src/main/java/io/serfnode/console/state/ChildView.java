package io.serfnode.console.state;

import io.serfnode.model.Child;
import io.serfnode.model.ChildStatus;
import java.util.List;

/**
 * A child of a member as the console shows it.
 *
 * @param member     the member that supervises it
 * @param name       the child's name on that member
 * @param definition how it runs, when the member reported it (absent for a child first seen in an event)
 * @param status     where it stands now
 * @param timeline   its recent states, oldest first
 */
public record ChildView(String member, String name, Child definition, ChildStatus status, List<StateMark> timeline) {

    /** One line saying what runs: the image or command line, or nothing when unknown. */
    public String summary() {
        return definition == null ? "" : definition.summary();
    }
}
