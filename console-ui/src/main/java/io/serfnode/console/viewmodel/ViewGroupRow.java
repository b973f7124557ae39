package io.serfnode.console.viewmodel;

import io.serfnode.model.command.ViewGroup;
import java.util.List;

/**
 * One group of a split-brain check, in words: which members see this membership, and what they see.
 *
 * @param digest        the view digest they share
 * @param members       the members that answered with it
 * @param sees          "4 alive · 2 failed · 0 left"
 * @param failedMembers the members this view holds failed
 * @param failedText    the failed members in words: "db-1, db-2", "none", or "db-1 and 2 more"
 */
public record ViewGroupRow(String digest, List<String> members, String sees, List<String> failedMembers,
                           String failedText) {

    public ViewGroupRow {
        members = List.copyOf(members);
        failedMembers = List.copyOf(failedMembers);
    }

    static ViewGroupRow of(ViewGroup group) {
        String sees = group.alive() + " alive · " + group.failed() + " failed · " + group.left() + " left";
        String failed;
        if (group.failed() == 0) {
            failed = "none";
        } else if (group.failedMembersComplete()) {
            failed = String.join(", ", group.failedMembers());
        } else {
            // the names did not all fit one serf query response
            int unnamed = group.failed() - group.failedMembers().size();
            failed = (group.failedMembers().isEmpty() ? "" : String.join(", ", group.failedMembers()) + " and ")
                    + unnamed + (group.failedMembers().isEmpty() ? " unnamed" : " more");
        }
        return new ViewGroupRow(group.digest(), group.members(), sees, group.failedMembers(), failed);
    }

    /** "web-1, web-2". */
    public String membersText() {
        return String.join(", ", members);
    }
}
