package io.serfnode.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CellTest {

    @Test
    void parsesProfileStartsecsAndLaunch() {
        Cell cell = Cell.parse("small-aot,0,direct", JvmProfile.presets());

        assertThat(cell).isEqualTo(new Cell(JvmProfile.SMALL_AOT, 0, LaunchMode.DIRECT));
    }

    @Test
    void launchesThroughTheLauncherByDefault() {
        assertThat(Cell.parse("default,1", JvmProfile.presets()).launch()).isEqualTo(LaunchMode.LAUNCHER);
    }

    @Test
    void namesTheKnownProfilesWhenOneIsUnknown() {
        assertThatThrownBy(() -> Cell.parse("smal,0", JvmProfile.presets()))
                .hasMessageContaining("--cell 'smal,0'").hasMessageContaining("unknown profile 'smal'")
                .hasMessageContaining("small-aot");
    }

    @Test
    void refusesAStartsecsThatIsNoNumber() {
        assertThatThrownBy(() -> Cell.parse("small,one", JvmProfile.presets()))
                .hasMessageContaining("startsecs 'one' is not a whole number");
    }

    @Test
    void refusesAnUnknownLaunchMode() {
        assertThatThrownBy(() -> Cell.parse("small,0,docker", JvmProfile.presets()))
                .hasMessageContaining("launch 'docker' is not one of launcher, direct");
    }
}
