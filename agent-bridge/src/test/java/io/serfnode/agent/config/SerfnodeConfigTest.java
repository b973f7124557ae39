package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.child.ChildSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerfnodeConfigTest {
    @Test
    void defaultsToAMemberWithoutRolesPeersOrChildrenOnSerfsPort() {
        assertThat(SerfnodeConfig.DEFAULTS.roles()).isEmpty();
        assertThat(SerfnodeConfig.DEFAULTS.join()).isEmpty();
        assertThat(SerfnodeConfig.DEFAULTS.serfPort()).isEqualTo(7946);
        assertThat(SerfnodeConfig.DEFAULTS.servicePort()).isZero();
        assertThat(SerfnodeConfig.DEFAULTS.children()).isEmpty();
    }

    @Test
    void copiesWithOneValueChanged() {
        SerfnodeConfig config = SerfnodeConfig.DEFAULTS
                .withRoles(List.of("web", "web", "api"))
                .withJoin(List.of("127.0.0.1"))
                .withSerfIp("127.0.0.2")
                .withSerfPort(8000)
                .withServiceIp("127.0.0.3")
                .withServicePort(80)
                .withNodeName("n1")
                .withChildren(List.of(ChildSpec.process("p", List.of("/bin/true"))));

        assertThat(config.roles()).as("first occurrence wins").containsExactly("web", "api");
        assertThat(config).isEqualTo(new SerfnodeConfig(List.of("web", "api"), List.of("127.0.0.1"), "127.0.0.2",
                8000, "127.0.0.3", 80, "n1", List.of(ChildSpec.process("p", List.of("/bin/true")))));
        assertThat(config.child("p")).isPresent();
        assertThat(config.child("q")).isEmpty();
    }

    @Test
    void refusesImpossibleValues() {
        assertThatThrownBy(() -> SerfnodeConfig.DEFAULTS.withSerfPort(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SerfnodeConfig.DEFAULTS.withServicePort(70000))
                .isInstanceOf(IllegalArgumentException.class);
        ChildSpec child = ChildSpec.process("p", List.of("/bin/true"));
        assertThatThrownBy(() -> SerfnodeConfig.DEFAULTS.withChildren(List.of(child, child)))
                .hasMessageContaining("'p'");
    }
}
