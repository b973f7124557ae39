package io.serfnode.console.settings;

import io.serfnode.console.session.TrustSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * The clusters the operator connected to lately, most recent first, in {@code recent-clusters.properties}.
 * The file may hold tokens, so it is readable and writable by its owner only ({@code rw-------}).
 */
public final class RecentClusters {
    public static final String FILE_NAME = "recent-clusters.properties";
    public static final int DEFAULT_LIMIT = 10;

    private final Path file;
    private final int limit;

    /** A store in {@code directory}, keeping at most {@code limit} clusters. */
    public RecentClusters(Path directory, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, found " + limit);
        }
        this.file = directory.resolve(FILE_NAME);
        this.limit = limit;
    }

    public RecentClusters(Path directory) {
        this(directory, DEFAULT_LIMIT);
    }

    /** The store in the console's usual place ({@code ~/.config/serfnode}). */
    public static RecentClusters inDefaultDirectory() {
        return new RecentClusters(SettingsFiles.defaultDirectory());
    }

    public Path file() {
        return file;
    }

    /** The remembered clusters, most recently used first. */
    public synchronized List<RecentCluster> list() {
        Properties properties = SettingsFiles.read(file);
        List<RecentCluster> clusters = new ArrayList<>();
        for (int index = 0; properties.containsKey(key(index, "agent")); index++) {
            clusters.add(read(properties, index));
        }
        clusters.sort(Comparator.comparing(RecentCluster::lastUsed).reversed());
        return List.copyOf(clusters);
    }

    /** Remembers {@code cluster}, replacing an entry for the same agent URL; the oldest beyond the limit go. */
    public synchronized void remember(RecentCluster cluster) {
        List<RecentCluster> clusters = new ArrayList<>(list());
        clusters.removeIf(known -> known.agent().equals(cluster.agent()));
        clusters.addFirst(cluster);
        clusters.sort(Comparator.comparing(RecentCluster::lastUsed).reversed());
        store(clusters.subList(0, Math.min(limit, clusters.size())));
    }

    /** Forgets the cluster reached at {@code agent}, with its secret. */
    public synchronized void forget(URI agent) {
        List<RecentCluster> clusters = new ArrayList<>(list());
        if (clusters.removeIf(known -> known.agent().equals(agent))) {
            store(clusters);
        }
    }

    private void store(List<RecentCluster> clusters) {
        Properties properties = new Properties();
        for (int index = 0; index < clusters.size(); index++) {
            RecentCluster cluster = clusters.get(index);
            properties.setProperty(key(index, "agent"), cluster.agent().toString());
            properties.setProperty(key(index, "lastUsed"), cluster.lastUsed().toString());
            if (cluster.token() != null) {
                properties.setProperty(key(index, "token"), cluster.token());
            }
            if (cluster.tokenFile() != null) {
                properties.setProperty(key(index, "tokenFile"), cluster.tokenFile().toString());
            }
            switch (cluster.trust()) {
                case TrustSettings.SystemTrust system -> properties.setProperty(key(index, "trust"), "system");
                case TrustSettings.PemTrust pem -> {
                    properties.setProperty(key(index, "trust"), "pem");
                    properties.setProperty(key(index, "trustFile"), pem.pemFile().toString());
                }
                case TrustSettings.TrustOnFirstUse tofu -> {
                    properties.setProperty(key(index, "trust"), "tofu");
                    properties.setProperty(key(index, "trustFile"), tofu.knownAgentsFile().toString());
                }
            }
        }
        SettingsFiles.write(file, properties, "clusters the Serfnode console connected to; may hold tokens", true);
    }

    private RecentCluster read(Properties properties, int index) {
        String agentText = properties.getProperty(key(index, "agent"));
        URI agent;
        try {
            agent = new URI(agentText);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(file + ": " + key(index, "agent") + " is not a URL: '" + agentText + "'", e);
        }
        String lastUsedText = properties.getProperty(key(index, "lastUsed"), Instant.EPOCH.toString());
        Instant lastUsed;
        try {
            lastUsed = Instant.parse(lastUsedText);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + ": " + key(index, "lastUsed") + " is not a time: '" + lastUsedText
                    + "'", e);
        }
        String tokenFile = properties.getProperty(key(index, "tokenFile"));
        return new RecentCluster(agent, properties.getProperty(key(index, "token")),
                tokenFile == null ? null : Path.of(tokenFile), trust(properties, index), lastUsed);
    }

    private TrustSettings trust(Properties properties, int index) {
        String kind = properties.getProperty(key(index, "trust"), "system");
        String trustFile = properties.getProperty(key(index, "trustFile"));
        return switch (kind) {
            case "system" -> new TrustSettings.SystemTrust();
            case "pem" -> new TrustSettings.PemTrust(Path.of(requireTrustFile(trustFile, index, kind)));
            case "tofu" -> new TrustSettings.TrustOnFirstUse(Path.of(requireTrustFile(trustFile, index, kind)));
            default -> throw new IllegalStateException(file + ": " + key(index, "trust")
                    + " must be one of system, pem, tofu, found '" + kind + "'");
        };
    }

    private String requireTrustFile(String trustFile, int index, String kind) {
        if (trustFile == null || trustFile.isBlank()) {
            throw new IllegalStateException(file + ": " + key(index, "trustFile") + " is required with trust " + kind);
        }
        return trustFile;
    }

    private static String key(int index, String field) {
        return "cluster." + index + "." + field;
    }
}
