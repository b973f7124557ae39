package io.serfnode.agent.spawn;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.WaitResponse;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.model.RuntimeKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Spawns members as containers of the member image ({@link DockerSpawnerConfig#image()}), through the engine's
 * API: host networking, serf and the WebSocket API on free ports of the spawner's address, joined through the
 * spawner's serf, the template's {@code serfnode.yml}, token, TLS files and gossip key copied in, the engine's
 * socket mounted so that the member supervises Docker children of its own. The container is named (and its
 * hostname is) the member's name, and labelled {@link SpawnLabels} with its spawner.
 *
 * <p>The spawner owns its containers: {@link #close()} stops them gracefully (the engine's stop: SIGTERM, a
 * leave, then SIGKILL after {@link NewMemberSettings#stopTimeout()}) and removes them. A spawner that dies
 * without closing leaves its containers running; the next time a spawner of the same member name reaches the
 * engine it adopts those still running (and so stops them when it stops) and removes those that ended.
 *
 * <p>The engine is first contacted by the first Docker spawn, so a member whose engine is unreachable starts and
 * spawns processes as usual; a Docker spawn then fails with the reason.
 */
public final class DockerMemberSpawner implements MemberSpawner {
    private static final int LOG_TAIL_LINES = 8;

    private final String member;
    private final DockerSpawnerConfig config;
    private final ComponentLog log;
    private final MemberContainerPlanner planner;
    private final Map<String, Owned> owned = new ConcurrentHashMap<>();
    private final List<SpawnReport> reports = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Engine engine;
    private boolean adopted;

    public DockerMemberSpawner(String member, DockerSpawnerConfig config) {
        this.member = Objects.requireNonNull(member, "member");
        this.config = Objects.requireNonNull(config, "config");
        this.log = ComponentLog.of(member, "docker-spawner");
        this.planner = new MemberContainerPlanner(member, config, FreePorts::pick);
    }

    @Override
    public RuntimeKind runtime() {
        return RuntimeKind.DOCKER;
    }

    public DockerSpawnerConfig config() {
        return config;
    }

    @Override
    public void spawn(SpawnPlan plan, SpawnCallback callback) throws InterruptedException {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(callback, "callback");
        SpawnReport report = new SpawnReport(callback, log, reports::remove);
        reports.add(report);
        callback.onStart(report);
        Engine docker;
        try {
            docker = reachableEngine();
        } catch (SpawnFailure e) {
            log.warn("%s", e.getMessage());
            report.error(e);
            return;
        }
        for (String name : plan.names()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("spawning stopped before member '" + name + "'");
            }
            if (closing.get()) {
                report.error(new IllegalStateException("the spawner is stopping; member '" + name
                        + "' was not started"));
                return;
            }
            try {
                Owned started = start(docker, name, plan);
                report.next(new SpawnStep.Created(started.spawned(), "container " + shortId(started.id())
                        + " (" + config.image() + ") on " + started.bind()
                        + (started.ws() == null ? "" : ", ws " + started.ws())));
            } catch (SpawnFailure e) {
                log.warn("%s", e.getMessage());
                report.error(e);
                return;
            } catch (IOException | RuntimeException e) {
                log.warn(e, "could not start member container %s", name);
                report.error(new IOException("could not start member container '" + name + "': "
                        + engineMessage(e), e));
                return;
            }
        }
    }

    /** The engine, once it answered and holds the member image; leftovers of an earlier run are adopted then. */
    private synchronized Engine reachableEngine() throws SpawnFailure {
        if (engine == null) {
            engine = Engine.open(config);
        }
        try {
            engine.requests().pingCmd().exec();
        } catch (RuntimeException e) {
            throw new SpawnFailure("no Docker engine answers at " + config.dockerHost() + ", so no member container "
                    + "can be spawned: " + engineMessage(e) + " (start the agent with --docker-host naming a running "
                    + "engine, or spawn with runtime 'process')", e);
        }
        try {
            engine.requests().inspectImageCmd(config.image()).exec();
        } catch (NotFoundException e) {
            throw new SpawnFailure("image " + config.image() + " not found in the Docker engine at "
                    + config.dockerHost() + ": run make image (or start the agent with --member-image naming a "
                    + "member image the engine has)", e);
        } catch (RuntimeException e) {
            throw new SpawnFailure("the Docker engine at " + config.dockerHost() + " cannot inspect image "
                    + config.image() + ": " + engineMessage(e), e);
        }
        if (!adopted) {
            adopted = true;
            adoptLeftovers(engine);
        }
        return engine;
    }

    private Owned start(Engine docker, String name, SpawnPlan plan) throws IOException, SpawnFailure {
        clearName(docker, name);
        MemberContainerPlan container = planner.plan(name, plan);
        Path state = config.member().spawnDir().resolve(name);
        Files.createDirectories(state);
        if (!plan.configuration().isEmpty()) {
            // the operator's copy of what the member runs with
            Files.writeString(state.resolve("serfnode.yml"), plan.configuration().text(), StandardCharsets.UTF_8);
        }
        String id;
        try {
            id = docker.requests().createContainerCmd(container.image())
                    .withName(container.name())
                    .withHostName(container.name())
                    .withCmd(container.arguments())
                    .withEnv(container.environment())
                    .withLabels(container.labels())
                    // host networking (members bind to the host's addresses); an init reaps children's orphans
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host").withInit(true)
                            .withBinds(container.binds().stream().map(Bind::parse).toList()))
                    .exec()
                    .getId();
        } catch (com.github.dockerjava.api.exception.ConflictException e) {
            throw new SpawnFailure("member container '" + name + "' cannot be created: the name is taken ("
                    + engineMessage(e) + ")", e);
        }
        Owned started = new Owned(new SpawnedMember(name, RuntimeKind.DOCKER, id, state), id, container.bind(),
                container.ws());
        // owned from its creation on, so that a failure below, or the spawner stopping, removes it
        owned.put(name, started);
        try {
            docker.requests().copyArchiveToContainerCmd(id)
                    .withTarInputStream(new ByteArrayInputStream(ContainerFiles.tar(container.files())))
                    .withRemotePath("/")
                    .exec();
            docker.requests().startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            owned.remove(name, started);
            remove(docker, id, name);
            throw e;
        }
        log.info("started member container %s (%s, gossip %s) from %s", name, shortId(id), container.bind(),
                plan.source());
        watch(docker, started);
        return started;
    }

    /**
     * Makes room for the container's name: a leftover of this spawner that ended is removed; any other container
     * of that name is a clash.
     */
    private void clearName(Engine docker, String name) throws SpawnFailure {
        InspectContainerResponse existing;
        try {
            existing = docker.requests().inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return;
        }
        Map<String, String> labels = existing.getConfig() == null || existing.getConfig().getLabels() == null
                ? Map.of() : existing.getConfig().getLabels();
        boolean mine = member.equals(labels.get(SpawnLabels.SPAWNED_BY));
        boolean running = existing.getState() != null && Boolean.TRUE.equals(existing.getState().getRunning());
        if (mine && !running) {
            remove(docker, existing.getId(), name);
            return;
        }
        throw new SpawnFailure("a container named '" + name + "' already exists (" + shortId(existing.getId())
                + (running ? ", running" : ", stopped")
                + (labels.containsKey(SpawnLabels.SPAWNED_BY) ? ", spawned by member '"
                + labels.get(SpawnLabels.SPAWNED_BY) + "'" : ", not a spawned member")
                + "): member container names must be free; remove that container or spawn with another role", null);
    }

    /** Reports the member's end when its container stops on its own. */
    private void watch(Engine docker, Owned started) {
        docker.streams().waitContainerCmd(started.id()).exec(new ResultCallback.Adapter<WaitResponse>() {
            @Override
            public void onNext(WaitResponse response) {
                ended(started, response.getStatusCode());
            }

            @Override
            public void onError(Throwable error) {
                if (!closing.get()) {
                    log.debug("stopped waiting for member container %s: %s", started.spawned().name(), error);
                }
            }
        });
    }

    private void ended(Owned started, Integer exitCode) {
        if (!owned.remove(started.spawned().name(), started) || closing.get()) {
            return;
        }
        String reason = "member container '" + started.spawned().name() + "' (" + shortId(started.id())
                + ") ended with exit code " + exitCode + lastLines(started.id());
        log.warn("%s", reason);
        for (SpawnReport report : reports) {
            report.next(new SpawnStep.Ended(started.spawned().name(), reason));
        }
        // an ended member container is removed; its log went into the reason above
        remove(engine, started.id(), started.spawned().name());
    }

    /** The end of a container's output, as a clause, for a reason that says why it ended. */
    private String lastLines(String id) {
        StringBuilder text = new StringBuilder();
        try {
            engine.requests().logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(LOG_TAIL_LINES)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "";
        }
        List<String> lines = text.toString().lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "" : "; the end of its output: " + String.join(" | ", lines);
    }

    /** Containers an earlier run of this spawner left: running ones are owned again, ended ones removed. */
    private void adoptLeftovers(Engine docker) {
        List<Container> leftovers;
        try {
            leftovers = docker.requests().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(SpawnLabels.SPAWNED_BY, member)).exec();
        } catch (RuntimeException e) {
            log.warn("cannot look for member containers an earlier run spawned: %s", engineMessage(e));
            return;
        }
        for (Container container : leftovers) {
            String name = container.getLabels().getOrDefault(SpawnLabels.MEMBER, shortId(container.getId()));
            if (owned.containsKey(name)) {
                continue;
            }
            if ("running".equals(container.getState())) {
                Owned adopted = new Owned(new SpawnedMember(name, RuntimeKind.DOCKER, container.getId(),
                        config.member().spawnDir().resolve(name)), container.getId(), null, null);
                owned.put(name, adopted);
                watch(docker, adopted);
                log.info("adopted member container %s (%s), spawned by an earlier run of this member", name,
                        shortId(container.getId()));
            } else {
                remove(docker, container.getId(), name);
            }
        }
    }

    @Override
    public List<SpawnedMember> running() {
        return owned.values().stream().map(Owned::spawned).toList();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        reports.forEach(SpawnReport::close);
        Engine docker;
        synchronized (this) {
            docker = engine;
        }
        if (docker == null) {
            return;
        }
        try {
            List<Owned> members = List.copyOf(owned.values());
            if (!members.isEmpty()) {
                log.info("stopping the %d member container(s) this member spawned", members.size());
                // in parallel: each stop may take the whole grace time
                List<Thread> stops = new ArrayList<>();
                for (Owned container : members) {
                    stops.add(Thread.ofPlatform().name("stop-" + container.spawned().name())
                            .start(() -> stopAndRemove(docker, container)));
                }
                for (Thread stop : stops) {
                    try {
                        stop.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            owned.clear();
        } finally {
            docker.close();
        }
    }

    private void stopAndRemove(Engine docker, Owned container) {
        try {
            docker.streams().stopContainerCmd(container.id())
                    .withTimeout((int) Math.max(1, config.member().stopTimeout().toSeconds())).exec();
        } catch (NotFoundException | NotModifiedException e) {
            // already gone, or already stopped
        } catch (RuntimeException e) {
            log.warn("member container %s (%s) did not stop gracefully: %s", container.spawned().name(),
                    shortId(container.id()), engineMessage(e));
        }
        remove(docker, container.id(), container.spawned().name());
    }

    private void remove(Engine docker, String id, String name) {
        try {
            docker.requests().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            log.warn("cannot remove member container %s (%s): %s", name, shortId(id), engineMessage(e));
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The engine's own words, when a failure carries them. */
    static String engineMessage(Throwable e) {
        // the innermost cause with words: wrappers only repeat it behind an exception class name
        String message = null;
        for (Throwable cause = e; cause != null && message == null; cause = cause.getCause()) {
            Throwable inner = cause.getCause();
            boolean wrapperOnly = inner != null && inner != cause && inner.getMessage() != null;
            if (!wrapperOnly) {
                message = cause.getMessage();
            }
        }
        if (message == null) {
            message = e.toString();
        }
        int jsonStart = message.indexOf("{\"message\":\"");
        if (jsonStart >= 0) {
            int start = jsonStart + "{\"message\":\"".length();
            int end = message.indexOf('"', start);
            if (end > start) {
                return message.substring(start, end);
            }
        }
        return message.strip();
    }

    /** A member container this spawner started, or adopted ({@code bind} and {@code ws} then unknown). */
    private record Owned(SpawnedMember spawned, String id, SerfAddress bind, SerfAddress ws) {
    }

    /** A spawn that failed, with a message for the operator. */
    private static final class SpawnFailure extends Exception {
        SpawnFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The two clients of one engine: {@code requests} with a response timeout, {@code streams} without one for
     * the waits on containers (which last as long as the members) and the graceful stops.
     */
    private record Engine(DockerClient requests, DockerClient streams) {
        static Engine open(DockerSpawnerConfig config) {
            DefaultDockerClientConfig clientConfig = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(config.dockerHost().toString())
                    .build();
            // one connection per member container for its wait, up to 100 a spawn: room for many
            return new Engine(client(clientConfig, config.requestTimeout(), 64), client(clientConfig, null, 1024));
        }

        private static DockerClient client(DefaultDockerClientConfig clientConfig, Duration responseTimeout,
                                           int connections) {
            return DockerClientImpl.getInstance(clientConfig, new ZerodepDockerHttpClient.Builder()
                    .dockerHost(clientConfig.getDockerHost())
                    .sslConfig(clientConfig.getSSLConfig())
                    .maxConnections(connections)
                    .connectionTimeout(Duration.ofSeconds(10))
                    .responseTimeout(responseTimeout)
                    .build());
        }

        void close() {
            for (DockerClient client : List.of(requests, streams)) {
                try {
                    client.close();
                } catch (IOException e) {
                    // nothing left to do with a client that cannot close
                }
            }
        }
    }
}
