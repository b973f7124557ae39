package io.serfnode.bench.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.serfnode.agent.serf.process.SerfProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GossipModelTest {

    @Test
    void startsWithAboutOneMemberOfTheCluster() {
        GossipModel model = new GossipModel(Duration.ofMillis(200), 3);

        assertThat(model.fractionAfterRounds(10, 0)).isCloseTo(1.0 / 12, within(1e-12));
    }

    @Test
    void followsTheSimulatorFormula() {
        GossipModel model = new GossipModel(Duration.ofMillis(200), 3);

        assertThat(model.fractionAfterRounds(50, 4)).isCloseTo(1 / (1 + 51 * Math.exp(-6)), within(1e-12));
        assertThat(model.fractionAfter(50, 800)).isCloseTo(model.fractionAfterRounds(50, 4), within(1e-12));
    }

    @Test
    void invertsToTheTimeAFractionIsReached() {
        GossipModel model = GossipModel.of(SerfProfile.LAN);

        double millis = model.millisToReach(25, 0.99);

        assertThat(model.fractionAfter(25, millis)).isCloseTo(0.99, within(1e-9));
    }

    @Test
    void localProfileGossipsTwiceAsOftenAsLan() {
        assertThat(GossipModel.of(SerfProfile.LOCAL).gossipInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(GossipModel.of(SerfProfile.LAN).gossipInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(GossipModel.of(SerfProfile.LAN).fanout()).isEqualTo(3);
    }

    @Test
    void refusesAFanoutOfZero() {
        assertThatThrownBy(() -> new GossipModel(Duration.ofMillis(200), 0)).hasMessageContaining("fanout");
    }
}
