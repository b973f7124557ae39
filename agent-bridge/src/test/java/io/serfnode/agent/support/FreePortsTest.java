package io.serfnode.agent.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void neverHandsOutTheSamePortTwiceWhileItIsRemembered() {
        // picked one at a time, as a member's gossip, RPC and WebSocket ports are; at random alone, 500 picks
        // out of 12,000 ports would almost surely repeat one
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ports.add(FreePorts.pick("127.0.0.1"));
        }

        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isBetween(20_000, 31_999));
    }

    @Test
    void handsOutDifferentPortsInOneCall() {
        int[] ports = FreePorts.pick("127.0.0.1", 3);

        assertThat(ports).doesNotHaveDuplicates().hasSize(3);
    }
}
