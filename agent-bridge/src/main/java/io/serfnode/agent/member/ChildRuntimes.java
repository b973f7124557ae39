package io.serfnode.agent.member;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.ChildRuntime;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RuntimeMode;
import io.serfnode.agent.runtime.docker.DockerChildRuntime;
import io.serfnode.agent.runtime.docker.DockerRuntimeConfig;
import io.serfnode.agent.runtime.process.ProcessRuntime;
import io.serfnode.agent.runtime.process.ProcessRuntimeConfig;
import io.serfnode.model.RuntimeKind;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Opens the runtimes a member's children need, as the runtime mode allows. */
final class ChildRuntimes {
    private ChildRuntimes() {
    }

    /**
     * Process children always run as processes. Docker children need an engine: {@code process} mode
     * refuses them; {@code docker} and {@code auto} need an engine that answers.
     *
     * @throws MemberConfigurationException when a child needs a runtime the mode rules out
     * @throws DockerUnavailableException   when Docker children are configured and no engine answers
     */
    static Map<RuntimeKind, ChildRuntime> open(String member, Path stateDir, RuntimeMode mode,
            DockerRuntimeConfig docker, List<ChildSpec> children) {
        List<String> dockerChildren = children.stream()
                .filter(child -> child.runtime() == RuntimeKind.DOCKER).map(ChildSpec::name).toList();
        if (!dockerChildren.isEmpty() && mode == RuntimeMode.PROCESS) {
            throw new MemberConfigurationException("children " + dockerChildren
                    + " are Docker children, but the runtime is 'process' (use --runtime docker or auto)");
        }
        Map<RuntimeKind, ChildRuntime> runtimes = new EnumMap<>(RuntimeKind.class);
        if (!dockerChildren.isEmpty() || mode == RuntimeMode.DOCKER) {
            try {
                runtimes.put(RuntimeKind.DOCKER, DockerChildRuntime.open(member, docker));
            } catch (ChildRuntimeException e) {
                throw new DockerUnavailableException("children " + dockerChildren + " need Docker: " + e.getMessage(), e);
            }
        }
        runtimes.put(RuntimeKind.PROCESS, new ProcessRuntime(member, ProcessRuntimeConfig.in(stateDir)));
        return runtimes;
    }
}
