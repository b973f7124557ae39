package io.serfnode.agent.cluster.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.command.ViewGroup;
import io.serfnode.model.command.ViewReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewGroupingTest {
    private static final LocalView ALL_ALIVE = new LocalView("aaaa", 4, 0, 0, List.of());
    private static final LocalView WEB_SIDE = new LocalView("bbbb", 2, 2, 0, List.of("db-1", "db-2"));

    @Test
    void putsMembersWithTheSameDigestInOneGroup() {
        ViewReport report = ViewGrouping.report(Map.of("web-2", ALL_ALIVE, "web-1", ALL_ALIVE, "db-1", ALL_ALIVE),
                List.of("web-1", "web-2", "db-1"));

        assertThat(report.agree()).isTrue();
        assertThat(report.groups()).containsExactly(new ViewGroup("aaaa", List.of("db-1", "web-1", "web-2"), 4, 0, 0,
                List.of()));
        assertThat(report.noAnswer()).isEmpty();
    }

    @Test
    void reportsSilentMembersAsNoAnswerNotAsDisagreement() {
        ViewReport report = ViewGrouping.report(Map.of("web-1", WEB_SIDE, "web-2", WEB_SIDE),
                List.of("web-1", "web-2", "db-2", "db-1"));

        assertThat(report.agree()).isTrue();
        assertThat(report.groups()).singleElement()
                .satisfies(group -> assertThat(group.failedMembers()).containsExactly("db-1", "db-2"));
        assertThat(report.noAnswer()).containsExactly("db-1", "db-2");
    }

    @Test
    void showsWhichMembersSeeWhichWhenViewsDiffer() {
        ViewReport report = ViewGrouping.report(Map.of("web-1", ALL_ALIVE, "web-2", WEB_SIDE, "web-3", WEB_SIDE),
                List.of("web-1", "web-2", "web-3"));

        assertThat(report.agree()).isFalse();
        assertThat(report.groups()).extracting(ViewGroup::members)
                .containsExactly(List.of("web-2", "web-3"), List.of("web-1"));
    }

    @Test
    void takesTheFailedNamesFromTheAnswerThatCouldNameMost() {
        LocalView shortened = new LocalView("bbbb", 2, 2, 0, List.of("db-1"));

        ViewReport report = ViewGrouping.report(Map.of("web-1", shortened, "web-2", WEB_SIDE), List.of());

        assertThat(report.groups()).singleElement()
                .satisfies(group -> assertThat(group.failedMembers()).containsExactly("db-1", "db-2"));
    }

    @Test
    void includesAnswersFromMembersTheAskerDidNotKnow() {
        ViewReport report = ViewGrouping.report(Map.of("new-1", ALL_ALIVE), List.of("web-1"));

        assertThat(report.groups()).singleElement().satisfies(group -> assertThat(group.members()).containsExactly("new-1"));
        assertThat(report.noAnswer()).containsExactly("web-1");
    }
}
