package io.serfnode.console.overview;

import static io.serfnode.console.testing.Clusters.event;
import static io.serfnode.console.testing.Clusters.threeMembers;
import static io.serfnode.console.testing.Clusters.transition;
import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.graph.GraphChild;
import io.serfnode.console.graph.GraphMember;
import io.serfnode.console.graph.GraphModel;
import io.serfnode.console.state.ClusterState;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphModelMapperTest {
    private final ClusterState state = new ClusterState();
    private final GraphModelMapper mapper = new GraphModelMapper();

    @Test
    void mapsMembersWithRolesAddressesStatusAndChildStates() {
        state.apply(threeMembers(10));

        GraphModel graph = mapper.map(state.members());

        assertThat(graph.members()).extracting(GraphMember::name).containsExactly("web-1", "db-1", "plain-1");
        GraphMember db = graph.member("db-1").orElseThrow();
        assertThat(db.roles()).containsExactly("db", "backup");
        assertThat(db.address()).isEqualTo("127.0.0.3:7946");
        assertThat(db.host()).isEqualTo("127.0.0.3");
        assertThat(db.status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(db.children()).extracting(GraphChild::name, GraphChild::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("postgres", SupervisorState.RUNNING));
        assertThat(graph.member("plain-1").orElseThrow().roles()).isEmpty();
    }

    @Test
    void keepsUntouchedMembersAndRemapsOnlyTheChangedOne() {
        state.apply(threeMembers(10));
        GraphModel before = mapper.map(state.members());

        state.apply(event(11, transition("web-1", "app", SupervisorState.RUNNING, SupervisorState.EXITED, 137, 5)));
        GraphModel after = mapper.map(state.members());

        assertThat(after.member("db-1").orElseThrow()).isSameAs(before.member("db-1").orElseThrow());
        assertThat(after.member("plain-1").orElseThrow()).isSameAs(before.member("plain-1").orElseThrow());
        GraphChild app = after.member("web-1").orElseThrow().children().get(0);
        assertThat(app.state()).isEqualTo(SupervisorState.EXITED);
        assertThat(app.changedAt()).isEqualTo(transition("web-1", "app", SupervisorState.RUNNING,
                SupervisorState.EXITED, 137, 5).time());
    }

    @Test
    void aMemberWhoseChildChangedKeepsItsRolesAndAddress() {
        state.apply(threeMembers(10));
        GraphModel before = mapper.map(state.members());

        state.apply(event(11, transition("db-1", "postgres", SupervisorState.RUNNING, SupervisorState.EXITED, 1, 8)));
        GraphModel after = mapper.map(state.members());

        GraphMember db = after.member("db-1").orElseThrow();
        assertThat(db).isNotSameAs(before.member("db-1").orElseThrow());
        assertThat(db.roles()).isSameAs(before.member("db-1").orElseThrow().roles()).containsExactly("db", "backup");
        assertThat(db.address()).isSameAs(before.member("db-1").orElseThrow().address());
    }

    @Test
    void anEmptyClusterIsAnEmptyGraph() {
        assertThat(mapper.map(List.of()).size()).isZero();
    }
}
