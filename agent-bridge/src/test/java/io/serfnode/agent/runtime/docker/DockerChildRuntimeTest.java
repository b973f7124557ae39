package io.serfnode.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerChildRuntimeTest {

    @Test
    void acceptsSignalNamesWithOrWithoutTheSigPrefix() {
        assertThat(DockerChildRuntime.signalName("TERM")).isEqualTo("TERM");
        assertThat(DockerChildRuntime.signalName("sigusr1")).isEqualTo("USR1");
        assertThat(DockerChildRuntime.signalName(" SIGHUP ")).isEqualTo("HUP");
    }

    @Test
    void tellsTaggedImagesFromUntaggedOnes() {
        assertThat(DockerChildRuntime.hasTagOrDigest("busybox")).isFalse();
        assertThat(DockerChildRuntime.hasTagOrDigest("127.0.0.1:5000/team/app")).isFalse();
        assertThat(DockerChildRuntime.hasTagOrDigest("127.0.0.1:5000/team/app:1.2")).isTrue();
        assertThat(DockerChildRuntime.hasTagOrDigest("app@sha256:abc")).isTrue();
    }

    @Test
    void quotesTheEnginesOwnWordsFromItsErrors() {
        RuntimeException error = new RuntimeException(
                "Status 404: {\"message\":\"No such image: serfnode-test/absent:never\"}\n");

        assertThat(DockerChildRuntime.engineMessage(error)).isEqualTo("No such image: serfnode-test/absent:never");
    }
}
