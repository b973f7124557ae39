package io.serfnode.agent.cli;

import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.config.ConfigException;
import io.serfnode.agent.config.SerfnodeConfig;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.runtime.RuntimeMode;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.spawn.MemberConfiguration;
import io.serfnode.agent.spawn.SpawnSettings;
import io.serfnode.agent.support.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo cluster: real members in this JVM (each with its own serf agent, its process children and the
 * WebSocket API) on loopback, one per role, made from the demo templates, which are every member's templates
 * too. Members spawned from it are agent processes it owns: closing the cluster stops them as well.
 */
final class DemoCluster implements AutoCloseable {
    /** The members' roles, in start order; a member is named {@code <role>-<n>}. */
    static final List<String> ROLES = List.of("web", "web", "db", "cache", "worker");

    private final Path home;
    private final Path tokenFile;
    private final List<MemberAgent> members = new CopyOnWriteArrayList<>();

    private DemoCluster(Path home, Path tokenFile) {
        this.home = home;
        this.tokenFile = tokenFile;
    }

    /**
     * Starts {@code count} members on {@code host}, with state under {@code home} and templates from {@code
     * templates}; {@code prepare} sees each member before it starts (to subscribe to it).
     *
     * @throws ConfigException when a template is not valid
     */
    static DemoCluster start(Path home, Path templates, String host, int count, String logLevel,
                             java.util.function.Consumer<MemberAgent> prepare)
            throws IOException, ConfigException, InterruptedException {
        Objects.requireNonNull(templates, "templates");
        if (count < 1 || count > ROLES.size()) {
            throw new IllegalArgumentException("a demo cluster has 1 to " + ROLES.size() + " members, not " + count);
        }
        DemoCluster cluster = new DemoCluster(home, writeToken(home.resolve("api-token")));
        try {
            Map<String, Integer> perRole = new HashMap<>();
            SerfAddress first = null;
            for (String role : ROLES.subList(0, count)) {
                String name = role + "-" + perRole.merge(role, 1, Integer::sum);
                MemberConfiguration own = template(templates, role);
                SerfnodeConfig file = own.read();
                SerfAddress bind = SerfAddress.of(host, FreePorts.pick(host));
                MemberAgentConfig config = MemberAgentConfig.local(name, bind, SerfAddress.of(host, FreePorts.pick(host)),
                                home.resolve(name))
                        .withRoles(file.roles())
                        .withChildren(file.children())
                        .withRuntimeMode(RuntimeMode.PROCESS)
                        .withJoin(first == null ? List.of() : List.of(first))
                        .withApi(WsServerConfig.of(host, FreePorts.pick(host), Files.readString(cluster.tokenFile).strip()))
                        .withSpawn(SpawnSettings.DEFAULTS.withTemplatesDir(templates).withOwn(own)
                                .withTokenFile(cluster.tokenFile).withLogLevel(logLevel));
                MemberAgent member = new MemberAgent(config);
                cluster.members.add(member);
                prepare.accept(member);
                member.start();
                if (first == null) {
                    first = bind;
                }
            }
            return cluster;
        } catch (IOException | ConfigException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static MemberConfiguration template(Path templates, String role) throws IOException {
        Path file = templates.resolve(role + ".yml");
        if (!Files.isRegularFile(file)) {
            throw new IOException("the demo template " + file + " is missing (the demo needs web.yml, db.yml, "
                    + "cache.yml and worker.yml in " + templates + ")");
        }
        return new MemberConfiguration(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    private static Path writeToken(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
        return file;
    }

    List<MemberAgent> members() {
        return List.copyOf(members);
    }

    /** Where a console connects: the first member's API. */
    URI consoleUri() {
        return members.getFirst().api().orElseThrow().uri();
    }

    Path tokenFile() {
        return tokenFile;
    }

    Path home() {
        return home;
    }

    /** The processes the cluster runs now: serf agents, children and spawned members with theirs. */
    List<Long> processes() {
        List<Long> pids = new ArrayList<>();
        for (MemberAgent member : members) {
            member.serf().process().ifPresent(serf -> pids.add(serf.pid()));
            member.supervisor().snapshot().forEach(child -> {
                if (child.status().pid() != null) {
                    pids.add(child.status().pid());
                }
            });
            member.spawning().running().forEach(spawned -> {
                long pid = Long.parseLong(spawned.handle());
                pids.add(pid);
                ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(d -> pids.add(d.pid())));
            });
        }
        return pids;
    }

    /** Every member leaves, all at once, each stopping the members it spawned first. */
    @Override
    public void close() {
        List<Thread> leaving = members.stream()
                .map(member -> Thread.ofVirtual().name("leave-" + member.name()).start(member::close))
                .toList();
        for (Thread thread : leaving) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
