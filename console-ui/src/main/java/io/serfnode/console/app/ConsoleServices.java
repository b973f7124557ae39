package io.serfnode.console.app;

import io.serfnode.console.view.Confirmer;
import io.serfnode.console.viewmodel.RecentClusterStore;
import io.serfnode.console.viewmodel.SessionFactory;
import java.nio.file.Path;

/**
 * What the console is assembled from; tests swap parts (a fake session, no modal confirmations).
 *
 * @param sessions        makes cluster sessions
 * @param recentClusters  remembers clusters connected to
 * @param windowState     remembers the window
 * @param confirmer       asks before disruptive actions
 * @param knownAgentsFile where trust-on-first-use keeps fingerprints
 * @param notifications   whether to show pop-up notifications
 */
public record ConsoleServices(SessionFactory sessions, RecentClusterStore recentClusters, WindowStateStore windowState,
                             Confirmer confirmer, Path knownAgentsFile, boolean notifications) {

    /** The production assembly for a configuration directory. */
    public static ConsoleServices defaults(Path configDir) {
        return new ConsoleServices(UnavailableSession::new, RecentClusterStore.inMemory(),
                WindowStateStore.in(configDir), Confirmer.dialogs(), configDir.resolve("known-agents"), true);
    }

    public ConsoleServices withSessions(SessionFactory newSessions) {
        return new ConsoleServices(newSessions, recentClusters, windowState, confirmer, knownAgentsFile, notifications);
    }

    public ConsoleServices withRecentClusters(RecentClusterStore store) {
        return new ConsoleServices(sessions, store, windowState, confirmer, knownAgentsFile, notifications);
    }

    public ConsoleServices withConfirmer(Confirmer newConfirmer) {
        return new ConsoleServices(sessions, recentClusters, windowState, newConfirmer, knownAgentsFile, notifications);
    }

    public ConsoleServices withNotifications(boolean show) {
        return new ConsoleServices(sessions, recentClusters, windowState, confirmer, knownAgentsFile, show);
    }
}
