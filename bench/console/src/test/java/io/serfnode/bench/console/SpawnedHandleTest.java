package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.RuntimeKind;
import org.junit.jupiter.api.Test;

class SpawnedHandleTest {

    @Test
    void readsTheAgentsPidFromAProcessMembersCreatedStep() {
        assertThat(SpawnedHandle.fromCreated("member web-2: process 4242 on 127.0.0.9:41234, ws 127.0.0.9:40000,"
                + " log /tmp/state/spawned/web-2/agent.log"))
                .contains(new SpawnedHandle(RuntimeKind.PROCESS, "4242"));
    }

    @Test
    void readsTheContainerIdFromADockerMembersCreatedStep() {
        assertThat(SpawnedHandle.fromCreated("member web-3: container 4f2a9c81d0e3 (serfnode/member:latest) on"
                + " 127.0.0.9:41235, ws 127.0.0.9:40001"))
                .contains(new SpawnedHandle(RuntimeKind.DOCKER, "4f2a9c81d0e3"));
    }

    @Test
    void readsTheSpawnersOwnDetailToo() {
        assertThat(SpawnedHandle.fromCreated("process 77 on 127.0.0.1:1")).map(SpawnedHandle::pid).contains(77L);
    }

    @Test
    void findsNoHandleInARelayedSpawnsStep() {
        assertThat(SpawnedHandle.fromCreated("member web-4 on spawner db-1")).isEmpty();
        assertThat(SpawnedHandle.fromCreated(null)).isEmpty();
    }

    @Test
    void aMemberNamedLikeAKeywordIsNotMistakenForAHandle() {
        assertThat(SpawnedHandle.fromCreated("member process-2: container 0123456789ab (img) on 127.0.0.1:2"))
                .contains(new SpawnedHandle(RuntimeKind.DOCKER, "0123456789ab"));
    }
}
