package io.serfnode.agent.devif;

import io.serfnode.model.Member;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Orders members oldest first: members with a readable start time ({@link DeveloperTags#STARTED}) come
 * first, earliest start first; members without one follow. Ties and members without a start time are
 * ordered by name, so every member of the cluster computes the same order from the same member list.
 */
final class OldestFirst implements Comparator<Member> {
    static final OldestFirst INSTANCE = new OldestFirst();

    private OldestFirst() {
    }

    @Override
    public int compare(Member left, Member right) {
        Optional<Instant> leftStart = DeveloperTags.startedAt(left);
        Optional<Instant> rightStart = DeveloperTags.startedAt(right);
        if (leftStart.isPresent() != rightStart.isPresent()) {
            return leftStart.isPresent() ? -1 : 1;
        }
        if (leftStart.isPresent()) {
            int byStart = leftStart.get().compareTo(rightStart.get());
            if (byStart != 0) {
                return byStart;
            }
        }
        return left.name().compareTo(right.name());
    }
}
