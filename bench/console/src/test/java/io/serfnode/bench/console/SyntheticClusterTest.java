package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.graph.GraphChild;
import io.serfnode.console.graph.GraphMember;
import io.serfnode.console.graph.GraphModel;
import io.serfnode.model.SupervisorState;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticClusterTest {

    @Test
    void buildsTheSameClusterFromTheSameSeed() {
        GraphModel a = SyntheticCluster.build(300, 5, 42);
        GraphModel b = SyntheticCluster.build(300, 5, 42);

        assertThat(a.members()).isEqualTo(b.members());
        assertThat(a.size()).isEqualTo(300);
        assertThat(a.members().stream().mapToInt(m -> m.children().size()).sum()).isEqualTo(1500);
        assertThat(a.roles()).hasSizeGreaterThan(4);
    }

    @Test
    void changesExactlyOneChildPerStep() {
        GraphModel before = SyntheticCluster.build(50, 3, 1);
        GraphModel after = SyntheticCluster.withOneChange(before, new Random(3), Instant.ofEpochSecond(100));

        int changed = 0;
        for (GraphMember member : after.members()) {
            GraphMember old = before.member(member.name()).orElseThrow();
            for (int c = 0; c < member.children().size(); c++) {
                GraphChild child = member.children().get(c);
                if (child.state() != old.children().get(c).state()) {
                    changed++;
                    assertThat(child.changedAt()).isEqualTo(Instant.ofEpochSecond(100));
                }
            }
        }
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void cyclesThroughStatesIncludingTheLoudOnes() {
        SupervisorState state = SupervisorState.RUNNING;
        java.util.Set<SupervisorState> seen = java.util.EnumSet.noneOf(SupervisorState.class);
        for (int i = 0; i < 6; i++) {
            state = SyntheticCluster.next(state);
            seen.add(state);
        }
        assertThat(seen).contains(SupervisorState.FATAL, SupervisorState.BACKOFF, SupervisorState.RUNNING);
    }
}
