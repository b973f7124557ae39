package io.serfnode.agent.member;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.ChildRuntime;
import io.serfnode.agent.runtime.RuntimeMode;
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
     * @throws MemberConfigurationException when a child needs a runtime the mode rules out or that is not
     *                                      available here
     */
    static Map<RuntimeKind, ChildRuntime> open(String member, Path stateDir, RuntimeMode mode,
            List<ChildSpec> children) {
        Map<RuntimeKind, ChildRuntime> runtimes = new EnumMap<>(RuntimeKind.class);
        runtimes.put(RuntimeKind.PROCESS, new ProcessRuntime(member, ProcessRuntimeConfig.in(stateDir)));
        List<String> dockerChildren = children.stream()
                .filter(child -> child.runtime() == RuntimeKind.DOCKER).map(ChildSpec::name).toList();
        if (!dockerChildren.isEmpty()) {
            runtimes.values().forEach(ChildRuntime::close);
            if (mode == RuntimeMode.PROCESS) {
                throw new MemberConfigurationException("children " + dockerChildren
                        + " need Docker, but the runtime is 'process' (use --runtime docker or auto)");
            }
            throw new MemberConfigurationException("children " + dockerChildren
                    + " need Docker, and this build has no Docker runtime yet");
        }
        return runtimes;
    }
}
