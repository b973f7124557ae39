package io.serfnode.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GraphLayoutsTest {

    @Test
    void groupsMembersByTheirFirstRoleInNameOrderWithMembersWithoutRoleLast() {
        GraphModel model = GraphModel.of(List.of(
                GraphFixtures.member("a", "10.0.0.1", "web", "db"),
                GraphFixtures.member("b", "10.0.0.2"),
                GraphFixtures.member("c", "10.0.0.3", "db")));

        GraphLayout layout = GraphLayouts.compute(model, LayoutMode.BY_ROLE);

        assertThat(layout.groups()).extracting(GraphLayout.Group::label).containsExactly("db", "web", "(no role)");
        assertThat(layout.groups()).extracting(GraphLayout.Group::size).containsExactly(1, 1, 1);
    }

    @Test
    void groupsMembersByHostInNumericAddressOrder() {
        GraphModel model = GraphModel.of(List.of(
                GraphFixtures.member("a", "10.0.0.10:7946", "web"),
                GraphFixtures.member("b", "10.0.0.9:7946", "web"),
                GraphFixtures.member("c", "10.0.0.10:7947", "db"),
                GraphFixtures.member("d", "[::1]:7946", "db")));

        GraphLayout layout = GraphLayouts.compute(model, LayoutMode.BY_HOST);

        assertThat(layout.groups()).extracting(GraphLayout.Group::label)
                .containsExactly("10.0.0.9", "10.0.0.10", "::1");
        assertThat(layout.groups().get(1).size()).isEqualTo(2);
    }

    @Test
    void placesEveryMemberInsideItsGroupCircle() {
        GraphModel model = GraphFixtures.many(500, 7);
        GraphLayout layout = GraphLayouts.compute(model, LayoutMode.BY_ROLE);

        for (int i = 0; i < model.size(); i++) {
            String role = model.members().get(i).roles().get(0);
            GraphLayout.Group group = layout.groups().stream().filter(g -> g.label().equals(role)).findFirst()
                    .orElseThrow();
            assertThat(Math.hypot(layout.x(i) - group.centreX(), layout.y(i) - group.centreY()))
                    .isLessThanOrEqualTo(group.radius());
        }
    }

    @Test
    void leavesRoomForSatellitesBetweenNeighbours() {
        GraphModel model = GraphFixtures.many(400, 3);
        GraphLayout layout = GraphLayouts.compute(model, LayoutMode.BY_ROLE);

        double closest = Double.MAX_VALUE;
        for (int i = 0; i < layout.size(); i++) {
            for (int j = i + 1; j < layout.size(); j++) {
                closest = Math.min(closest, Math.hypot(layout.x(i) - layout.x(j), layout.y(i) - layout.y(j)));
            }
        }
        // two discs with their first orbit of satellites do not touch
        assertThat(closest).isGreaterThan(2 * (Satellites.FIRST_ORBIT + Satellites.RADIUS) - 8);
    }

    @Test
    void groupsDoNotOverlap() {
        GraphLayout layout = GraphLayouts.compute(GraphFixtures.many(900, 9), LayoutMode.BY_ROLE);
        List<GraphLayout.Group> groups = layout.groups();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                GraphLayout.Group a = groups.get(i);
                GraphLayout.Group b = groups.get(j);
                assertThat(Math.hypot(a.centreX() - b.centreX(), a.centreY() - b.centreY()))
                        .isGreaterThanOrEqualTo(a.radius() + b.radius());
            }
        }
    }

    @Test
    void givesEveryMemberTheSamePlaceWhateverOrderTheyArrivedIn() {
        GraphModel model = GraphFixtures.many(200, 5);
        List<GraphMember> shuffled = new ArrayList<>(model.members());
        Collections.shuffle(shuffled, new Random(7));
        GraphModel reordered = GraphModel.of(shuffled);

        GraphLayout a = GraphLayouts.compute(model, LayoutMode.BY_ROLE);
        GraphLayout b = GraphLayouts.compute(reordered, LayoutMode.BY_ROLE);

        for (int i = 0; i < model.size(); i++) {
            int j = reordered.indexOf(model.members().get(i).name());
            assertThat(b.x(j)).isEqualTo(a.x(i));
            assertThat(b.y(j)).isEqualTo(a.y(i));
        }
    }

    @Test
    void boundsEncloseEveryMember() {
        GraphLayout layout = GraphLayouts.compute(GraphFixtures.many(300, 4), LayoutMode.BY_HOST);
        for (int i = 0; i < layout.size(); i++) {
            assertThat(layout.x(i)).isBetween(layout.minX(), layout.maxX());
            assertThat(layout.y(i)).isBetween(layout.minY(), layout.maxY());
        }
    }

    @Test
    void ordersNamesNaturally() {
        List<String> names = new ArrayList<>(List.of("web-10", "web-2", "web-1", "db"));
        names.sort(GraphLayouts::compareNatural);
        assertThat(names).containsExactly("db", "web-1", "web-2", "web-10");
    }

    @Test
    void laysOutAnEmptyModel() {
        GraphLayout layout = GraphLayouts.compute(GraphModel.empty(), LayoutMode.BY_ROLE);
        assertThat(layout.size()).isZero();
        assertThat(layout.maxX()).isGreaterThan(layout.minX());
    }
}
