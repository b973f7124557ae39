package io.serfnode.agent.member;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.runtime.RuntimeMode;
import io.serfnode.agent.runtime.docker.DockerRuntimeConfig;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfProfile;
import io.serfnode.agent.serf.rpc.SerfRpcConfig;
import io.serfnode.agent.spawn.SpawnSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one member agent needs to run.
 *
 * @param name              the node name (stable across restarts)
 * @param roles             the member's roles, gossiped in the {@code role} tag
 * @param bind              serf's gossip address
 * @param advertise         the gossip address other members should use, or {@code null} for {@code bind}
 * @param rpc               serf's RPC address (always loopback in practice)
 * @param join              members to join through; retried until one answers
 * @param serfAttach        an existing serf agent to use instead of starting one, or {@code null}
 * @param encryptKey        serf's gossip encryption key (base64), or {@code null}
 * @param profile           serf's timing profile
 * @param extraTags         further tags to gossip
 * @param stateDir          where the member keeps its state
 * @param serfBinary        the serf program to run
 * @param reconcileInterval how often the membership view is checked against serf's full member list
 * @param leaveTimeout      how long a graceful leave may take before serf is killed
 * @param children          the children this member supervises, in start order
 * @param runtimeMode       which runtime runs the children
 * @param docker            how Docker children are run (engine, pulls, privileges, network)
 * @param sharedHostsFile   an /etc/hosts the children share, kept up to date too (Docker mode), or {@code null}
 * @param api               the WebSocket API to serve, or {@code null} for none
 * @param spawn             how this member spawns new members
 * @param serfReconnect     how serf retries failed members and when it forgets them
 */
public record MemberAgentConfig(
        String name,
        List<String> roles,
        SerfAddress bind,
        SerfAddress advertise,
        SerfAddress rpc,
        List<SerfAddress> join,
        SerfRpcConfig serfAttach,
        String encryptKey,
        SerfProfile profile,
        Map<String, String> extraTags,
        Path stateDir,
        String serfBinary,
        Duration reconcileInterval,
        Duration leaveTimeout,
        List<ChildSpec> children,
        RuntimeMode runtimeMode,
        DockerRuntimeConfig docker,
        Path sharedHostsFile,
        WsServerConfig api,
        SpawnSettings spawn,
        SerfReconnect serfReconnect) {

    public MemberAgentConfig {
        Objects.requireNonNull(name, "name");
        roles = List.copyOf(roles == null ? List.of() : roles);
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(rpc, "rpc");
        join = List.copyOf(join == null ? List.of() : join);
        Objects.requireNonNull(profile, "profile");
        extraTags = Map.copyOf(extraTags == null ? Map.of() : extraTags);
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(serfBinary, "serfBinary");
        Objects.requireNonNull(reconcileInterval, "reconcileInterval");
        Objects.requireNonNull(leaveTimeout, "leaveTimeout");
        children = List.copyOf(children == null ? List.of() : children);
        Objects.requireNonNull(runtimeMode, "runtimeMode");
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(spawn, "spawn");
        Objects.requireNonNull(serfReconnect, "serfReconnect");
        for (String role : roles) {
            if (role.isBlank() || role.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("role '" + role + "' must be one word (roles are space-separated in the role tag)");
            }
        }
    }

    /** A member on this machine with the fast-detecting local profile. */
    public static MemberAgentConfig local(String name, SerfAddress bind, SerfAddress rpc, Path stateDir) {
        return new MemberAgentConfig(name, List.of(), bind, null, rpc, List.of(), null, null, SerfProfile.LOCAL,
                Map.of(), stateDir, "serf", Duration.ofSeconds(10), Duration.ofSeconds(10), List.of(), RuntimeMode.AUTO,
                DockerRuntimeConfig.DEFAULTS, null, null, SpawnSettings.DEFAULTS,
                SerfReconnect.SERF_DEFAULTS);
    }

    public MemberAgentConfig withName(String value) {
        return new MemberAgentConfig(value, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker,
                sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withRoles(List<String> value) {
        return new MemberAgentConfig(name, value, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withAdvertise(SerfAddress value) {
        return new MemberAgentConfig(name, roles, bind, value, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withJoin(List<SerfAddress> value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, value, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withSerfAttach(SerfRpcConfig value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, value, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withEncryptKey(String value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, value, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withProfile(SerfProfile value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, value,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withExtraTags(Map<String, String> value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                value, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withSerfBinary(String value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, value, reconcileInterval, leaveTimeout, children, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withReconcileInterval(Duration value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, value, leaveTimeout, children, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withChildren(List<ChildSpec> value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, value, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withRuntimeMode(RuntimeMode value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, value, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withDocker(DockerRuntimeConfig value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, value, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withSharedHostsFile(Path value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker, value, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withApi(WsServerConfig value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker,
                sharedHostsFile, value, spawn, serfReconnect);
    }

    public MemberAgentConfig withLeaveTimeout(Duration value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, value, children, runtimeMode, docker, sharedHostsFile, api, spawn, serfReconnect);
    }

    public MemberAgentConfig withSpawn(SpawnSettings value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker,
                sharedHostsFile, api, value, serfReconnect);
    }

    public MemberAgentConfig withSerfReconnect(SerfReconnect value) {
        return new MemberAgentConfig(name, roles, bind, advertise, rpc, join, serfAttach, encryptKey, profile,
                extraTags, stateDir, serfBinary, reconcileInterval, leaveTimeout, children, runtimeMode, docker,
                sharedHostsFile, api, spawn, value);
    }
}
