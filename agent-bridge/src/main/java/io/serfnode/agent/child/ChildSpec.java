package io.serfnode.agent.child;

import io.serfnode.model.Child;
import io.serfnode.model.RuntimeKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One child of a member, as {@code serfnode.yml} describes it after the {@code serfnode:} defaults were
 * merged in. Docker children use the Docker keys; process children use {@code exec}.
 *
 * @param name        unique within the member; the key of its one-key map in {@code children:}
 * @param runtime     docker or process
 * @param image       docker: the image
 * @param command     docker: the command (overrides the image's CMD)
 * @param entrypoint  docker: the entrypoint
 * @param exec        process: the program and its arguments
 * @param environment variables added to the child's environment
 * @param volumes     docker: {@code host:container[:mode]} bindings or volume names
 * @param volumesFrom docker: names of sibling children whose volumes this child mounts
 * @param links       docker: {@code child[:alias]} links to sibling children
 * @param ports       docker: {@code [ip:]host:container[/proto]} publications
 * @param expose      docker: container ports exposed without publishing
 * @param workingDir  the working directory (process: relative to the member's state directory; by default a
 *                    folder of the child's own, {@code children/<name>} there)
 * @param user        the user to run as
 * @param privileged  docker: run privileged (only allowed with {@code --allow-privileged})
 * @param supervision supervisord's rules for this child
 */
public record ChildSpec(
        String name,
        RuntimeKind runtime,
        String image,
        List<String> command,
        List<String> entrypoint,
        List<String> exec,
        Map<String, String> environment,
        List<String> volumes,
        List<String> volumesFrom,
        List<String> links,
        List<String> ports,
        List<String> expose,
        Path workingDir,
        String user,
        boolean privileged,
        SupervisionPolicy supervision) {

    public ChildSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runtime, "runtime");
        command = List.copyOf(orEmpty(command));
        entrypoint = List.copyOf(orEmpty(entrypoint));
        exec = List.copyOf(orEmpty(exec));
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        volumes = List.copyOf(orEmpty(volumes));
        volumesFrom = List.copyOf(orEmpty(volumesFrom));
        links = List.copyOf(orEmpty(links));
        ports = List.copyOf(orEmpty(ports));
        expose = List.copyOf(orEmpty(expose));
        supervision = supervision == null ? SupervisionPolicy.DEFAULTS : supervision;
        if (runtime == RuntimeKind.DOCKER && (image == null || image.isBlank())) {
            throw new IllegalArgumentException("child '" + name + "': a docker child needs an image");
        }
        if (runtime == RuntimeKind.PROCESS && exec.isEmpty()) {
            throw new IllegalArgumentException("child '" + name + "': a process child needs exec");
        }
    }

    /** A process child with supervisord's default rules. */
    public static ChildSpec process(String name, List<String> exec) {
        return new ChildSpec(name, RuntimeKind.PROCESS, null, null, null, exec, null, null, null, null, null,
                null, null, null, false, null);
    }

    /** A docker child with supervisord's default rules. */
    public static ChildSpec docker(String name, String image, List<String> command) {
        return new ChildSpec(name, RuntimeKind.DOCKER, image, command, null, null, null, null, null, null, null,
                null, null, null, false, null);
    }

    /** What the cluster is told about this child. */
    public Child describe() {
        return runtime == RuntimeKind.DOCKER
                ? new Child(name, runtime, image, command.isEmpty() ? null : String.join(" ", command))
                : new Child(name, runtime, null, String.join(" ", exec));
    }

    public ChildSpec withSupervision(SupervisionPolicy value) {
        return new ChildSpec(name, runtime, image, command, entrypoint, exec, environment, volumes, volumesFrom,
                links, ports, expose, workingDir, user, privileged, value);
    }

    public ChildSpec withEnvironment(Map<String, String> value) {
        return new ChildSpec(name, runtime, image, command, entrypoint, exec, value, volumes, volumesFrom,
                links, ports, expose, workingDir, user, privileged, supervision);
    }

    public ChildSpec withWorkingDir(Path value) {
        return new ChildSpec(name, runtime, image, command, entrypoint, exec, environment, volumes, volumesFrom,
                links, ports, expose, value, user, privileged, supervision);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
