package io.serfnode.agent.cluster;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** Asks members for their children with {@code serfnode.children}. */
public interface ChildrenQuery {

    /**
     * All children of one member, page after page, each page asked of that member alone and finished as
     * soon as it answered. Fails with {@link ChildrenQueryTimeoutException} when a page gets no answer
     * within the page timeout, and with {@link ChildrenQueryException} for an unreadable answer.
     */
    CompletableFuture<MemberChildren> fetch(String member);

    /**
     * The children of every member: the first page asked of all members at once (finished as soon as every
     * expected member answered), then the further pages of each member, and {@link #fetch} for each expected
     * member whose first answer did not come. Members that answer without being
     * expected are included; expected ones that fail are in {@link ClusterChildrenAnswers#failed()}.
     */
    CompletableFuture<ClusterChildrenAnswers> fetchAll(Collection<String> expectedMembers);
}
