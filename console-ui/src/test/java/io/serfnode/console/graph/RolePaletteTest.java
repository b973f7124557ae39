package io.serfnode.console.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class RolePaletteTest {
    private final RolePalette palette = RolePalette.defaultPalette();

    @Test
    void givesTheSameRoleTheSameColourEveryTime() {
        assertThat(new RolePalette(RolePalette.COLOUR_BLIND_SAFE).colourOf("db")).isEqualTo(palette.colourOf("db"));
    }

    @Test
    void givesTheSameColourAcrossRunsBecauseTheHashIsFixed() {
        // FNV-1a of "db" is fixed by its definition, not by the JVM: pins the colour across runs and versions
        assertThat(RolePalette.fnv1a("db")).isEqualTo(0x571cc6c3);
        assertThat(palette.colourOf("db"))
                .isEqualTo(RolePalette.COLOUR_BLIND_SAFE.get(Math.floorMod(0x571cc6c3, 12)));
    }

    @Test
    void spreadsCommonRolesOverManyColours() {
        Set<Color> used = new HashSet<>();
        for (String role : List.of("db", "web", "cache", "queue", "worker", "proxy", "api", "search")) {
            used.add(palette.colourOf(role));
        }
        assertThat(used).hasSizeGreaterThanOrEqualTo(5);
        assertThat(RolePalette.COLOUR_BLIND_SAFE).containsAll(used);
    }

    @Test
    void drawsMembersWithoutRoleInNeutralGrey() {
        assertThat(palette.colourOf("")).isEqualTo(RolePalette.NO_ROLE);
        assertThat(palette.primaryColourOf(GraphFixtures.member("x", "")))
                .isEqualTo(RolePalette.NO_ROLE);
        assertThat(RolePalette.COLOUR_BLIND_SAFE).doesNotContain(RolePalette.NO_ROLE);
    }

    @Test
    void refusesAnEmptyPalette() {
        assertThatThrownBy(() -> new RolePalette(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one colour");
    }

    @Test
    void makesFatalAndBackoffStandOutFromCalmStates() {
        assertThat(StatePalette.standsOut(io.serfnode.model.SupervisorState.FATAL)).isTrue();
        assertThat(StatePalette.standsOut(io.serfnode.model.SupervisorState.BACKOFF)).isTrue();
        assertThat(StatePalette.standsOut(io.serfnode.model.SupervisorState.RUNNING)).isFalse();
        Set<Color> colours = new HashSet<>();
        for (var state : io.serfnode.model.SupervisorState.values()) {
            colours.add(StatePalette.colourOf(state));
        }
        assertThat(colours).hasSize(io.serfnode.model.SupervisorState.values().length);
    }

    @Test
    void givesRolesShownTogetherDifferentColoursWhileThePaletteLasts() {
        List<String> roles = List.of("db", "web", "cache", "queue", "worker", "proxy", "api", "search", "auth");

        var assigned = palette.assign(roles);

        assertThat(assigned).containsOnlyKeys(roles);
        assertThat(new HashSet<>(assigned.values())).hasSize(roles.size());
    }

    @Test
    void keepsARoleItsOwnColourWhenNoOtherRoleWantsIt() {
        assertThat(palette.assign(List.of("db")).get("db")).isEqualTo(palette.colourOf("db"));
        assertThat(palette.assign(List.of("web", "db"))).isEqualTo(palette.assign(List.of("db", "web")));
    }
}
