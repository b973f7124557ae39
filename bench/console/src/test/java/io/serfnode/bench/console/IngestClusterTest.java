package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestClusterTest {

    @Test
    void startsWithEveryMemberAndItsChildren() {
        IngestCluster cluster = new IngestCluster(1000, 5, 42);

        assertThat(cluster.members()).hasSize(1000);
        assertThat(cluster.children()).hasSize(1000).allSatisfy((name, children) -> assertThat(children).hasSize(5));
    }

    @Test
    void numbersEachMembersTransitionsWithoutGapsAndShowsThemBeforeDelivery() {
        IngestCluster cluster = new IngestCluster(20, 3, 7);
        Map<String, Long> lastCounter = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        cluster.subscribe(event -> {
            if (event instanceof SupervisorStateChanged change) {
                SupervisedChild shown = cluster.children().get(change.member()).stream()
                        .filter(c -> c.child().name().equals(change.child())).findFirst().orElseThrow();
                if (shown.status().counter() != change.counter() || shown.status().state() != change.to()) {
                    mismatches.add(change.member() + "/" + change.child());
                }
            }
        });

        for (int i = 0; i < 5_000; i++) {
            ClusterEvent event = cluster.next(Instant.now());
            if (event instanceof SupervisorStateChanged change) {
                long before = lastCounter.getOrDefault(change.member(), 3L);
                assertThat(change.counter()).isEqualTo(before + 1);
                lastCounter.put(change.member(), change.counter());
            }
        }

        assertThat(mismatches).isEmpty();
        assertThat(lastCounter).isNotEmpty();
    }
}
