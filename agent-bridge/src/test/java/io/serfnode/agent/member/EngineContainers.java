package io.serfnode.agent.member;

import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import io.serfnode.agent.runtime.docker.TestEngine;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.serfnode.agent.runtime.docker.ContainerLabels;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test's own view of the real Docker engine: checks that it and the test image are there, lists the
 * containers of the members a test named, and removes all of them (by label) when the test ends.
 */
public final class EngineContainers implements AutoCloseable {
    public static final String IMAGE = TestEngine.IMAGE;

    private final DockerClient client;
    private final Set<String> members = ConcurrentHashMap.newKeySet();

    public EngineContainers() {
        client = TestEngine.connect();
    }

    /** A member name no other test run uses; its containers are removed when this closes. */
    public String newMember(String purpose) {
        String member = "it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        members.add(member);
        return member;
    }

    /** Every container labelled as {@code member}'s, running or not. */
    public List<Container> of(String member) {
        return client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.MEMBER, member)).exec();
    }

    /** The running containers labelled as {@code child} of {@code member}. */
    public List<Container> runningOf(String member, String child) {
        return client.listContainersCmd()
                .withLabelFilter(Map.of(ContainerLabels.MEMBER, member, ContainerLabels.CHILD, child)).exec();
    }

    public Optional<InspectContainerResponse> inspect(String nameOrId) {
        try {
            return Optional.of(client.inspectContainerCmd(nameOrId).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            for (String member : members) {
                for (Container container : of(member)) {
                    try {
                        client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                    } catch (NotFoundException e) {
                        // already gone
                    }
                }
            }
        } finally {
            client.close();
        }
    }
}
