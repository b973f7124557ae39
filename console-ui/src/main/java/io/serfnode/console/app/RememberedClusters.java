package io.serfnode.console.app;

import io.serfnode.console.session.TrustSettings;
import io.serfnode.console.settings.RecentClusters;
import io.serfnode.console.viewmodel.RecentCluster;
import io.serfnode.console.viewmodel.RecentClusterStore;
import io.serfnode.console.viewmodel.TrustChoice;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connect form's recent clusters, kept in the owner-only {@link RecentClusters} file. A damaged or
 * unwritable file never stops a connect: the form then simply offers no recent clusters.
 */
public final class RememberedClusters implements RecentClusterStore {
    private static final Logger LOG = Logger.getLogger(RememberedClusters.class.getName());

    private final RecentClusters file;
    private final Path knownAgentsFile;
    private final Clock clock;

    /**
     * @param file            where clusters are remembered
     * @param knownAgentsFile the fingerprints file a trust-on-first-use cluster is remembered with
     * @param clock           stamps each cluster's last use
     */
    public RememberedClusters(RecentClusters file, Path knownAgentsFile, Clock clock) {
        this.file = file;
        this.knownAgentsFile = knownAgentsFile;
        this.clock = clock;
    }

    @Override
    public List<RecentCluster> load() {
        try {
            return file.list().stream().map(RememberedClusters::toForm).toList();
        } catch (IllegalStateException | UncheckedIOException damaged) {
            LOG.log(Level.WARNING, "recent clusters unreadable, offering none: " + damaged.getMessage());
            return List.of();
        }
    }

    @Override
    public void remember(RecentCluster cluster) {
        try {
            file.remember(toFile(cluster));
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException failure) {
            LOG.log(Level.WARNING, "cannot remember " + cluster.url() + " in " + file.file() + ": "
                    + failure.getMessage());
        }
    }

    private static RecentCluster toForm(io.serfnode.console.settings.RecentCluster saved) {
        String token = saved.token() == null ? "" : saved.token();
        String tokenFile = saved.tokenFile() == null ? "" : saved.tokenFile().toString();
        return switch (saved.trust()) {
            case TrustSettings.SystemTrust system ->
                    new RecentCluster(saved.agent().toString(), token, tokenFile, TrustChoice.SYSTEM, "");
            case TrustSettings.PemTrust pem -> new RecentCluster(saved.agent().toString(), token, tokenFile,
                    TrustChoice.PEM, pem.pemFile().toString());
            case TrustSettings.TrustOnFirstUse tofu -> new RecentCluster(saved.agent().toString(), token, tokenFile,
                    TrustChoice.TRUST_ON_FIRST_USE, "");
        };
    }

    private io.serfnode.console.settings.RecentCluster toFile(RecentCluster form) {
        TrustSettings trust = switch (form.trust()) {
            case SYSTEM -> new TrustSettings.SystemTrust();
            case PEM -> new TrustSettings.PemTrust(Path.of(form.pemFile()));
            case TRUST_ON_FIRST_USE -> new TrustSettings.TrustOnFirstUse(knownAgentsFile);
        };
        return new io.serfnode.console.settings.RecentCluster(URI.create(form.url()),
                form.token().isEmpty() ? null : form.token(),
                form.tokenFile().isEmpty() ? null : Path.of(form.tokenFile()), trust, clock.instant());
    }
}
