package io.serfnode.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphHitTest {
    private final GraphModel model = GraphFixtures.sixMembers();
    private final GraphLayout layout = GraphLayouts.compute(model, LayoutMode.BY_ROLE);

    @Test
    void findsTheMemberUnderItsCentre() {
        Viewport view = new Viewport(1.5, 40, 30);
        for (int i = 0; i < model.size(); i++) {
            GraphHit hit = GraphHit.find(model, layout, view, view.toScreenX(layout.x(i)), view.toScreenY(layout.y(i)));
            assertThat(hit).isEqualTo(new GraphHit(i, -1));
        }
    }

    @Test
    void findsAChildUnderItsSatelliteWhenSatellitesAreShown() {
        Viewport view = new Viewport(2, 0, 0);
        int member = model.indexOf("web-2");
        double x = view.toScreenX(layout.x(member) + Satellites.dx(1, 2));
        double y = view.toScreenY(layout.y(member) + Satellites.dy(1, 2));

        assertThat(GraphHit.find(model, layout, view, x, y)).isEqualTo(new GraphHit(member, 1));
    }

    @Test
    void findsNothingBetweenGroups() {
        Viewport view = new Viewport(1, 0, 0);
        double x = layout.groups().get(0).centreX() + layout.groups().get(0).radius() + 30;
        assertThat(GraphHit.find(model, layout, view, x, layout.groups().get(0).centreY())).isNull();
    }

    @Test
    void givesSmallMembersAFewPixelsOfSlackWhenZoomedFarOut() {
        Viewport view = new Viewport(0.1, 0, 0);
        int member = model.indexOf("db-1");
        double x = view.toScreenX(layout.x(member)) + 2.5;
        double y = view.toScreenY(layout.y(member));
        assertThat(GraphHit.find(model, layout, view, x, y)).isEqualTo(new GraphHit(member, -1));
    }

    @Test
    void findsNothingInAnEmptyGraph() {
        GraphModel empty = GraphModel.empty();
        assertThat(GraphHit.find(empty, GraphLayouts.compute(empty, LayoutMode.BY_ROLE), Viewport.IDENTITY, 0, 0))
                .isNull();
    }
}
