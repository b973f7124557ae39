package io.serfnode.agent.spawn;

import io.serfnode.agent.serf.process.SerfAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one member container is created with, decided before the engine is asked.
 *
 * @param name        the member's name, also the container's name and hostname ({@code SERFNODE_CONTAINER=self}
 *                    finds the container by its hostname)
 * @param image       the member image
 * @param arguments   the arguments after the image's {@code serfnode agent}
 * @param files       files copied into the container before it starts, by absolute path
 * @param binds       bind mounts, {@code host-path:container-path[:ro]}
 * @param environment {@code NAME=value} entries
 * @param labels      the labels that mark the container as spawned, and by whom
 * @param bind        the member's serf address
 * @param ws          the member's WebSocket API address, or {@code null}
 */
public record MemberContainerPlan(String name, String image, List<String> arguments, Map<String, ContainerFile> files,
                                  List<String> binds, List<String> environment, Map<String, String> labels,
                                  SerfAddress bind, SerfAddress ws) {
    public MemberContainerPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        arguments = List.copyOf(arguments);
        files = Map.copyOf(files);
        binds = List.copyOf(binds);
        environment = List.copyOf(environment);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(bind, "bind");
    }

    /**
     * A file for the container.
     *
     * @param content its bytes
     * @param mode    its permission bits ({@code 0400} for secrets)
     */
    public record ContainerFile(byte[] content, int mode) {
        public ContainerFile {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
