package io.serfnode.console.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.model.MemberStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphModelTest {
    private final GraphModel model = GraphModel.of(List.of(
            GraphFixtures.member("web-10", "10.0.0.1", "web"),
            GraphFixtures.member("web-2", "10.0.0.2", "web"),
            GraphFixtures.member("db-web", "10.0.0.3", "db"),
            GraphFixtures.member("web", "10.0.0.4", "web")));

    @Test
    void findsTheExactNameFirstThenPrefixesThenSubstrings() {
        assertThat(model.find("WEB", 10)).extracting(GraphMember::name)
                .containsExactly("web", "web-2", "web-10", "db-web");
    }

    @Test
    void findsAtMostTheLimit() {
        assertThat(model.find("web", 2)).extracting(GraphMember::name).containsExactly("web", "web-2");
    }

    @Test
    void findsNothingForBlankText() {
        assertThat(model.find("  ", 5)).isEmpty();
        assertThat(model.findFirst("zzz")).isEmpty();
        assertThat(model.findFirst("db")).map(GraphMember::name).contains("db-web");
    }

    @Test
    void refusesTwoMembersWithOneName() {
        assertThatThrownBy(() -> GraphModel.of(List.of(GraphFixtures.member("a", ""), GraphFixtures.member("a", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' appears twice");
    }

    @Test
    void needsNoNewLayoutWhenOnlyStatusesChange() {
        GraphModel changed = model.withMember(model.members().get(1).withStatus(MemberStatus.FAILED));
        assertThat(changed.sameLayoutInputs(model)).isTrue();
        assertThat(changed.withMember(GraphFixtures.member("new", "")).sameLayoutInputs(model)).isFalse();
        assertThat(model.withMember(model.members().get(0).withRoles(List.of("db"))).sameLayoutInputs(model))
                .isFalse();
    }

    @Test
    void listsEveryRoleOnceInOrder() {
        GraphModel multi = GraphModel.of(List.of(GraphFixtures.member("a", "", "web", "cache"),
                GraphFixtures.member("b", "", "db", "web")));
        assertThat(multi.roles()).containsExactly("cache", "db", "web");
    }

    @Test
    void readsTheHostFromAnAddress() {
        assertThat(GraphFixtures.member("a", "10.1.2.3:7946").host()).isEqualTo("10.1.2.3");
        assertThat(GraphFixtures.member("a", "[fe80::1]:7946").host()).isEqualTo("fe80::1");
        assertThat(GraphFixtures.member("a", "fe80::1").host()).isEqualTo("fe80::1");
        assertThat(GraphFixtures.member("a", "db.local").host()).isEqualTo("db.local");
    }
}
