package io.serfnode.agent.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.async.ResultCallback;
import io.serfnode.agent.runtime.docker.ContainerLabels;
import io.serfnode.agent.runtime.docker.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Member containers of a test on the real engine, with host networking (the test engine has no bridge).
 * When it closes, every container it started is removed by id, and every child container that their
 * members created (found by the member label), whatever the test's outcome.
 */
final class MemberContainers implements AutoCloseable {
    private final DockerClient client = TestEngine.connect();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final Set<String> members = ConcurrentHashMap.newKeySet();

    /** A container name (and member name) no other test run uses. */
    String newName(String purpose) {
        return "it-image-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Starts {@code image} as the member {@code name}: the container has the same name and hostname, so that
     * {@code SERFNODE_CONTAINER=self} names it; {@code arguments} go after the image's {@code serfnode agent}; {@code environment} holds {@code NAME=value} entries.
     */
    String run(String image, String name, List<String> arguments, List<Bind> binds, List<String> environment) {
        members.add(name);
        String id = client.createContainerCmd(image)
                .withName(name)
                .withHostName(name)
                .withEnv(environment)
                .withCmd(arguments)
                // --init: an init process reaps the orphans of children, which the JVM as pid 1 would not
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host").withInit(true).withBinds(binds))
                .exec()
                .getId();
        started.add(id);
        client.startContainerCmd(id).exec();
        return id;
    }

    InspectContainerResponse inspect(String id) {
        return client.inspectContainerCmd(id).exec();
    }

    InspectImageResponse inspectImage(String image) {
        return client.inspectImageCmd(image).exec();
    }

    /** The command lines of the processes running in the container, as {@code ps} shows them. */
    List<String> commandLines(String id) {
        // the engine needs the pid column to tell the container's processes apart
        TopContainerResponse top = client.topContainerCmd(id).withPsArgs("-eo pid,args").exec();
        return Arrays.stream(top.getProcesses()).map(row -> row[row.length - 1]).toList();
    }

    /** The child containers labelled as {@code member}'s, running or not. */
    List<Container> childrenOf(String member) {
        return client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.MEMBER, member)).exec();
    }

    /** What the container wrote so far, for failure messages. */
    String logs(String id) {
        StringBuilder text = new StringBuilder();
        try {
            client.logContainerCmd(id).withStdOut(true).withStdErr(true).withTailAll()
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            text.append("(no logs: ").append(e).append(')');
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        List<RuntimeException> failures = new ArrayList<>();
        try {
            for (String id : started) {
                remove(id, failures);
            }
            for (String member : members) {
                for (Container child : childrenOf(member)) {
                    remove(child.getId(), failures);
                }
            }
        } finally {
            client.close();
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("could not remove every container of the test");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void remove(String id, List<RuntimeException> failures) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
