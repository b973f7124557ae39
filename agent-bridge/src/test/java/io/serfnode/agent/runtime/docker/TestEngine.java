package io.serfnode.agent.runtime.docker;

import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The integration tests' own view of the real engine: checks that it and the test image are there, and
 * removes every container a test's member created, whatever the test's outcome.
 */
public final class TestEngine implements AutoCloseable {
    public static final String IMAGE = "serfnode-test/busybox:latest";

    private final DockerClient client;

    public TestEngine() {
        client = connect();
    }

    /**
     * A client of the engine the tests use, once it answered and the test image is there; a test fails
     * plainly (never skips) when either is missing.
     */
    public static DockerClient connect() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(DockerRuntimeConfig.DEFAULTS.dockerHost().toString())
                .build();
        DockerClient client = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .responseTimeout(Duration.ofSeconds(60))
                .build());
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            fail("no Docker engine answers at " + DockerRuntimeConfig.DEFAULTS.dockerHost()
                    + "; start one with scripts/docker-engine (make test does): " + e, e);
        }
        try {
            client.inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException e) {
            fail("the test image " + IMAGE + " is missing; build it with scripts/test-image (make test does)");
        }
        return client;
    }

    /** A member name no other test run uses. */
    static String uniqueMember(String purpose) {
        return "it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    DockerClient client() {
        return client;
    }

    Optional<InspectContainerResponse> inspect(String nameOrId) {
        try {
            return Optional.of(client.inspectContainerCmd(nameOrId).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    List<Container> containersOf(String member) {
        return client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.MEMBER, member)).exec();
    }

    /** Removes, running or not, every container labelled as {@code member}'s. */
    void removeContainersOf(String member) {
        for (Container container : containersOf(member)) {
            try {
                client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                // already gone
            }
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
