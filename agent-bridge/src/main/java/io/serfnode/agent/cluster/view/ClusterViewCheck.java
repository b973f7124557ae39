package io.serfnode.agent.cluster.view;

import io.serfnode.model.command.ViewReport;
import java.time.Duration;

/** Asks every member for its view of the membership and reports whether the views agree. */
public interface ClusterViewCheck {

    /**
     * Blocks until every member expected to answer did, or the rounds are over.
     *
     * @param timeout how long one round waits for answers, or {@code null} for the configured default
     * @throws ViewCheckException when the query could not be sent at all
     */
    ViewReport check(Duration timeout) throws InterruptedException;
}
