package io.serfnode.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerLabelsTest {
    private final ChildSpec spec = ChildSpec.docker("web", "nginx:1.27", List.of("nginx", "-g", "daemon off;"));

    @Test
    void namesMemberChildAndSpec() {
        assertThat(ContainerLabels.of("node-1", spec)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "io.serfnode.member", "node-1",
                "io.serfnode.child", "web",
                "io.serfnode.spec-hash", ContainerLabels.specHash(spec)));
    }

    @Test
    void hashesEqualSpecsAlike() {
        ChildSpec same = ChildSpec.docker("web", "nginx:1.27", List.of("nginx", "-g", "daemon off;"));

        assertThat(ContainerLabels.specHash(same)).isEqualTo(ContainerLabels.specHash(spec)).hasSize(32);
    }

    @Test
    void hashChangesWithWhatShapesTheContainer() {
        assertThat(ContainerLabels.specHash(ChildSpec.docker("web", "nginx:1.28", spec.command())))
                .isNotEqualTo(ContainerLabels.specHash(spec));
        assertThat(ContainerLabels.specHash(spec.withEnvironment(Map.of("A", "1"))))
                .isNotEqualTo(ContainerLabels.specHash(spec));
        // the same words split differently are a different command
        assertThat(ContainerLabels.specHash(ChildSpec.docker("web", "nginx:1.27", List.of("nginx -g", "daemon off;"))))
                .isNotEqualTo(ContainerLabels.specHash(spec));
    }

    @Test
    void hashIgnoresSupervisionRules() {
        ChildSpec patient = spec.withSupervision(SupervisionPolicy.DEFAULTS.withStopWait(Duration.ofMinutes(1)));

        assertThat(ContainerLabels.specHash(patient)).isEqualTo(ContainerLabels.specHash(spec));
    }
}
