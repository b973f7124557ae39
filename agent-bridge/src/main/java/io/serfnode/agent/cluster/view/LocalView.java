package io.serfnode.agent.cluster.view;

import java.util.List;
import java.util.Objects;

/**
 * The membership one member sees, boiled down to what a view check compares.
 *
 * @param digest        a short hash of the sorted (member name, status) pairs; equal digests, equal views
 * @param alive         members held alive
 * @param failed        members held failed
 * @param left          members held leaving or left
 * @param failedMembers names of the members held failed, sorted; fewer than {@code failed} only when an
 *                      answer had to leave some out to fit serf's response size
 */
public record LocalView(String digest, int alive, int failed, int left, List<String> failedMembers) {
    public LocalView {
        Objects.requireNonNull(digest, "digest");
        if (alive < 0 || failed < 0 || left < 0) {
            throw new IllegalArgumentException("member counts must not be negative: alive " + alive + ", failed "
                    + failed + ", left " + left);
        }
        failedMembers = List.copyOf(failedMembers);
        if (failedMembers.size() > failed) {
            throw new IllegalArgumentException("a view names " + failedMembers.size() + " failed members but counts "
                    + failed);
        }
    }

    /** The same view naming only the first {@code count} failed members. */
    LocalView withFirstFailed(int count) {
        return new LocalView(digest, alive, failed, left, failedMembers.subList(0, Math.min(count, failedMembers.size())));
    }
}
