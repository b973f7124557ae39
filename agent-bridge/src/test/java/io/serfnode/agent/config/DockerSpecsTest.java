package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerSpecsTest {
    @ParameterizedTest
    @ValueSource(strings = {"80", "80/udp", "8080:80", "127.0.0.1:8080:80", "127.0.0.1::80", "[::1]:8080:80/tcp",
            "8000-8010:8000-8010", "9000:8000-8010", "1:65535/sctp"})
    void acceptsDockerPortPublications(String spec) {
        assertThat(DockerSpecs.publicationProblem(spec)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "65536", "a:80", "80:", "1:2:3:4", "80/http", "8010-8000:80",
            "8000-8001:80-82", "999.1.1.1:80:80", "[zz]:80:80"})
    void refusesWhatDockerWouldRefuse(String spec) {
        assertThat(DockerSpecs.publicationProblem(spec)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9000", "9000/udp", "9000-9010/tcp"})
    void acceptsExposedPorts(String spec) {
        assertThat(DockerSpecs.exposedPortProblem(spec)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9000:9000", "port", "9000/web"})
    void refusesBadExposedPorts(String spec) {
        assertThat(DockerSpecs.exposedPortProblem(spec)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/data", "/host:/data", "named:/data:ro", "/a:/b:ro,z", "./rel:/data:rw"})
    void acceptsVolumes(String spec) {
        assertThat(DockerSpecs.volumeProblem(spec)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "data", ":/data", "/a:b", "/a:/b:xx", "/a:/b:ro:x"})
    void refusesBadVolumes(String spec) {
        assertThat(DockerSpecs.volumeProblem(spec)).isPresent();
    }
}
