package io.serfnode.console.viewmodel;

import java.util.ArrayList;
import java.util.List;

/** Where recent clusters are remembered; the real store keeps them in a file only the user can read. */
public interface RecentClusterStore {

    /** Most recent first. */
    List<RecentCluster> load();

    /** Puts {@code cluster} first, replacing an entry with the same URL. */
    void remember(RecentCluster cluster);

    /** A store that remembers for as long as the console runs. */
    static RecentClusterStore inMemory() {
        return new RecentClusterStore() {
            private final List<RecentCluster> clusters = new ArrayList<>();

            @Override
            public synchronized List<RecentCluster> load() {
                return List.copyOf(clusters);
            }

            @Override
            public synchronized void remember(RecentCluster cluster) {
                clusters.removeIf(c -> c.url().equals(cluster.url()));
                clusters.add(0, cluster);
            }
        };
    }
}
