package io.serfnode.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerRuntimeConfigTest {

    @Test
    void defaultsToTheLocalEngineWithoutPullsOrPrivilegesOnTheHostNetwork() {
        DockerRuntimeConfig config = DockerRuntimeConfig.DEFAULTS;

        assertThat(config.dockerHost()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
        assertThat(config.pullPolicy()).isEqualTo(PullPolicy.NEVER);
        assertThat(config.allowPrivileged()).isFalse();
        assertThat(config.networkMode()).isEqualTo("host");
    }

    @Test
    void childrenJoinTheAgentsContainerWhenTheAgentRunsInOne() {
        assertThat(DockerRuntimeConfig.insideContainer("3f2a9c1b7d0e").networkMode())
                .isEqualTo("container:3f2a9c1b7d0e");
    }

    @Test
    void aNamedNetworkOverridesTheMembersNamespace() {
        DockerRuntimeConfig config = DockerRuntimeConfig.insideContainer("abc").withNetwork(ChildNetwork.named("bridge"));

        assertThat(config.networkMode()).isEqualTo("bridge");
    }

    @Test
    void takesDockerHostFromTheEnvironment() {
        assertThat(DockerRuntimeConfig.fromEnvironment(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375")).dockerHost())
                .isEqualTo(URI.create("tcp://127.0.0.1:2375"));
        assertThat(DockerRuntimeConfig.fromEnvironment(Map.of())).isEqualTo(DockerRuntimeConfig.DEFAULTS);
    }

    @Test
    void copiesChangeOneThingEach() {
        DockerRuntimeConfig config = DockerRuntimeConfig.DEFAULTS
                .withPullPolicy(PullPolicy.MISSING)
                .withAllowPrivileged(true)
                .withLinkAddress("127.0.0.9")
                .withRequestTimeout(Duration.ofSeconds(5));

        assertThat(config.pullPolicy()).isEqualTo(PullPolicy.MISSING);
        assertThat(config.allowPrivileged()).isTrue();
        assertThat(config.linkAddress()).isEqualTo("127.0.0.9");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.dockerHost()).isEqualTo(DockerRuntimeConfig.DEFAULT_HOST);
    }

    @Test
    void rejectsHostsThatAreNoDockerEndpoint() {
        assertThatThrownBy(() -> DockerRuntimeConfig.DEFAULTS.withDockerHost(URI.create("http://127.0.0.1:2375")))
                .hasMessageContaining("http://127.0.0.1:2375")
                .hasMessageContaining("unix://");
    }

    @Test
    void rejectsABlankNetworkName() {
        assertThatThrownBy(() -> ChildNetwork.named(" ")).hasMessageContaining("network");
    }
}
