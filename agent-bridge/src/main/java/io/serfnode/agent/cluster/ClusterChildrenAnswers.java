package io.serfnode.agent.cluster;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What asking every member for its children brought.
 *
 * @param answered the complete children of each member that answered every page, by member name
 * @param failed   why each other expected member has no answer, by member name
 */
public record ClusterChildrenAnswers(Map<String, MemberChildren> answered, Map<String, ChildrenQueryException> failed) {
    public ClusterChildrenAnswers {
        answered = Collections.unmodifiableMap(new TreeMap<>(answered));
        failed = Collections.unmodifiableMap(new TreeMap<>(failed));
    }
}
