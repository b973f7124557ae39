package io.serfnode.console.app;

import io.serfnode.console.connection.KnownAgents;
import io.serfnode.console.connection.WebSocketClusterSession;
import io.serfnode.console.settings.ConsolePreferences;
import io.serfnode.console.settings.RecentClusters;
import io.serfnode.console.view.Confirmer;
import io.serfnode.console.viewmodel.KnownFingerprints;
import io.serfnode.console.viewmodel.RecentClusterStore;
import io.serfnode.console.viewmodel.SessionFactory;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the console is assembled from; tests swap parts (a fake session, no modal confirmations).
 *
 * @param sessions        makes cluster sessions
 * @param recentClusters  remembers clusters connected to
 * @param preferences     remembers the window, its dividers and the theme
 * @param confirmer       asks before disruptive actions
 * @param knownAgentsFile where trust-on-first-use keeps fingerprints
 * @param notifications   whether to show pop-up notifications
 */
public record ConsoleServices(SessionFactory sessions, RecentClusterStore recentClusters,
                             ConsolePreferences preferences, Confirmer confirmer, Path knownAgentsFile,
                             boolean notifications) {

    /** The production assembly for a configuration directory. */
    public static ConsoleServices defaults(Path configDir) {
        Path knownAgents = configDir.resolve("known-agents");
        return new ConsoleServices(WebSocketClusterSession::new,
                new RememberedClusters(new RecentClusters(configDir), knownAgents, Clock.systemUTC()),
                new ConsolePreferences(configDir), Confirmer.dialogs(), knownAgents, true);
    }

    /** Reads the fingerprints file; a damaged file knows no agent (the session then says what is wrong). */
    public KnownFingerprints knownFingerprints() {
        KnownAgents known = new KnownAgents(knownAgentsFile);
        return hostPort -> {
            try {
                return known.fingerprintOf(hostPort);
            } catch (UncheckedIOException | IllegalArgumentException damaged) {
                return Optional.empty();
            }
        };
    }

    public ConsoleServices withSessions(SessionFactory newSessions) {
        return new ConsoleServices(newSessions, recentClusters, preferences, confirmer, knownAgentsFile, notifications);
    }

    public ConsoleServices withRecentClusters(RecentClusterStore store) {
        return new ConsoleServices(sessions, store, preferences, confirmer, knownAgentsFile, notifications);
    }

    public ConsoleServices withPreferences(ConsolePreferences newPreferences) {
        return new ConsoleServices(sessions, recentClusters, newPreferences, confirmer, knownAgentsFile, notifications);
    }

    public ConsoleServices withConfirmer(Confirmer newConfirmer) {
        return new ConsoleServices(sessions, recentClusters, preferences, newConfirmer, knownAgentsFile, notifications);
    }

    public ConsoleServices withNotifications(boolean show) {
        return new ConsoleServices(sessions, recentClusters, preferences, confirmer, knownAgentsFile, show);
    }
}
