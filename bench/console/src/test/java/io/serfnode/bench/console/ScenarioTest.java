package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void readsMembersAndChildrenPerMember() {
        Scenario scenario = Scenario.parse("1000x5");
        assertThat(scenario).isEqualTo(new Scenario(1000, 5));
        assertThat(scenario.children()).isEqualTo(5000);
        assertThat(scenario.label()).isEqualTo("1,000 members, 5,000 children");
    }

    @Test
    void explainsAMalformedScenario() {
        assertThatThrownBy(() -> Scenario.parse("lots"))
                .hasMessageContaining("--scenario").hasMessageContaining("1000x5").hasMessageContaining("'lots'");
        assertThatThrownBy(() -> Scenario.parse("0x5")).hasMessageContaining("at least one member");
    }

    @Test
    void readsOptionsAndKeepsDefaultsForTheRest() {
        BenchSettings settings = RenderBenchMain.parse(new String[] {"--scenario", "200x1", "--seconds", "2",
                "--size", "800x600"});
        assertThat(settings.scenarios()).containsExactly(new Scenario(200, 1));
        assertThat(settings.seconds()).isEqualTo(2);
        assertThat(settings.width()).isEqualTo(800);
        assertThat(settings.height()).isEqualTo(600);
        assertThat(settings.warmupSeconds()).isEqualTo(BenchSettings.defaults().warmupSeconds());
        assertThatThrownBy(() -> RenderBenchMain.parse(new String[] {"--fast", "1"}))
                .hasMessageContaining("unknown option '--fast'");
        assertThatThrownBy(() -> RenderBenchMain.parse(new String[] {"--seconds"}))
                .hasMessageContaining("--seconds: needs a value");
    }
}
