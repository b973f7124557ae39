package io.serfnode.console.viewmodel;

import io.serfnode.console.session.ClusterSession;

/** Makes a fresh, unopened session for each connect. */
@FunctionalInterface
public interface SessionFactory {
    ClusterSession newSession();
}
