package io.serfnode.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpawnDetailTest {

    @Test
    void readsNamePidAndApiAddressFromAProcessSpawnsCreatedStep() {
        assertThat(SpawnDetail.parse("member churn-4: process 41234 on 127.0.0.1:40011, ws 127.0.0.1:40013, "
                + "log /tmp/serfnode-soak1/s01/spawned/churn-4/agent.log"))
                .contains(new SpawnDetail("churn-4", 41234, "127.0.0.1:40013"));
    }

    @Test
    void readsAStepWithoutApiAsNoAddress() {
        assertThat(SpawnDetail.parse("member churn-1: process 7 on 127.0.0.1:4000, log /x/agent.log"))
                .contains(new SpawnDetail("churn-1", 7, null));
    }

    @Test
    void yieldsNothingForAContainersCreatedStep() {
        assertThat(SpawnDetail.parse("member web-2: container 3f2a9c image serfnode/member:latest")).isEmpty();
        assertThat(SpawnDetail.parse(null)).isEmpty();
    }
}
