package io.serfnode.agent.cluster;

import java.util.List;
import java.util.OptionalInt;

/**
 * One page of a member's children as read from its answer.
 *
 * @param counter the member's transition counter when it answered
 * @param total   how many children the member has
 * @param from    the index of the first child of the page
 * @param next    the index to ask for next; empty on the last page
 */
public record ChildrenPageAnswer(String member, long counter, int total, int from, OptionalInt next,
                                 List<KnownChild> children) {
    public ChildrenPageAnswer {
        children = List.copyOf(children);
    }
}
