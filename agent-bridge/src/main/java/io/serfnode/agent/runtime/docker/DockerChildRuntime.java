package io.serfnode.agent.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.ChildExit;
import io.serfnode.agent.runtime.ChildRuntime;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.RuntimeKind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Children as containers of a Docker engine. Containers are named {@link ContainerNames#of} and labelled
 * {@link ContainerLabels#of}; their exits come from the engine's event stream (one per runtime, reopened
 * when the engine restarts), never from polling. Closing the runtime leaves the containers running, so a
 * restarted agent can adopt them with {@link #findLeftovers(String, Collection)}.
 */
public final class DockerChildRuntime implements ChildRuntime {
    private static final Set<String> SIGNALS = Set.of("TERM", "INT", "QUIT", "HUP", "KILL", "USR1", "USR2");
    private static final Set<String> ALIVE_STATES = Set.of("running", "paused", "restarting");
    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(30);

    private final String member;
    private final DockerRuntimeConfig config;
    private final ComponentLog log;
    private final DockerClient client;
    private final DockerClient streamClient;
    private final ContainerPlanner planner;
    private final ScheduledExecutorService events;
    private final Map<String, DockerRunningChild> tracked = new ConcurrentHashMap<>();
    private final DockerRunningChild.Control control = new Control();
    private final EngineEvents engineEvents;
    private volatile boolean closed;

    private DockerChildRuntime(String member, DockerRuntimeConfig config, DockerClient client,
            DockerClient streamClient) {
        this.member = member;
        this.config = config;
        this.log = ComponentLog.of(member, "docker");
        this.client = client;
        this.streamClient = streamClient;
        this.planner = new ContainerPlanner(member, config);
        this.events = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "serfnode-docker-events-" + member);
            thread.setDaemon(true);
            return thread;
        });
        this.engineEvents = new EngineEvents(this::openEvents, null, this::onEvent, this::reconcile, events,
                log, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    /**
     * Connects to the engine of {@code config} for {@code member} and opens its event stream.
     *
     * @throws ChildRuntimeException when no engine answers there
     */
    public static DockerChildRuntime open(String member, DockerRuntimeConfig config) throws ChildRuntimeException {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(config, "config");
        DefaultDockerClientConfig clientConfig = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(config.dockerHost().toString())
                .build();
        DockerClient client = DockerClientImpl.getInstance(clientConfig,
                httpClient(clientConfig, config.requestTimeout()));
        // the event stream may stay silent for hours: no response timeout on its connection
        DockerClient streamClient = DockerClientImpl.getInstance(clientConfig, httpClient(clientConfig, null));
        DockerChildRuntime runtime = new DockerChildRuntime(member, config, client, streamClient);
        try {
            runtime.connect();
            return runtime;
        } catch (ChildRuntimeException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private static DockerHttpClient httpClient(DefaultDockerClientConfig clientConfig, Duration responseTimeout) {
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(clientConfig.getDockerHost())
                .sslConfig(clientConfig.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(responseTimeout)
                .build();
    }

    private void connect() throws ChildRuntimeException {
        String engineNow;
        try {
            engineNow = client.infoCmd().exec().getSystemTime();
        } catch (RuntimeException e) {
            throw new ChildRuntimeException("no Docker engine answers at " + config.dockerHost() + ": "
                    + rootMessage(e), e);
        }
        // from the engine's own clock, so events of the moment the stream opens are replayed, not lost
        engineEvents.sinceEngineTime(engineNanos(engineNow));
        engineEvents.start();
        try {
            if (!engineEvents.awaitFirstConnect(config.requestTimeout())) {
                throw new ChildRuntimeException("the Docker engine at " + config.dockerHost()
                        + " did not open its event stream within " + config.requestTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildRuntimeException("interrupted while opening the Docker event stream", e);
        }
        log.info("using the Docker engine at %s (children's network: %s)", config.dockerHost(),
                config.networkMode());
    }

    private static long engineNanos(String rfc3339) {
        try {
            Instant instant = Instant.parse(rfc3339);
            return Math.max(0, instant.getEpochSecond() - 1) * 1_000_000_000L + instant.getNano();
        } catch (DateTimeParseException | NullPointerException e) {
            return 0; // unknown: open from now, and reconcile covers the moment in between
        }
    }

    private void openEvents(String since, ResultCallback<Event> callback) {
        EventsCmd cmd = streamClient.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter("die", "oom", "destroy")
                .withLabelFilter(ContainerLabels.MEMBER);
        if (since != null) {
            cmd.withSince(since);
        }
        cmd.exec(callback);
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.DOCKER;
    }

    /** The member whose children this runtime starts. */
    public String member() {
        return member;
    }

    public DockerRuntimeConfig config() {
        return config;
    }

    @Override
    public DockerRunningChild start(ChildSpec spec) throws ChildRuntimeException {
        requireOpen();
        ContainerPlan plan;
        try {
            plan = planner.plan(spec);
        } catch (IllegalArgumentException e) {
            throw new ChildRuntimeException(e.getMessage(), e);
        }
        plan.notes().forEach(note -> log.info("child '%s': %s", spec.name(), note));
        ensureImage(spec);
        clearName(plan.name(), spec.name());

        String id;
        try {
            id = plan.applyTo(client.createContainerCmd(plan.image())).exec().getId();
        } catch (NotFoundException e) {
            throw new ChildRuntimeException("child '" + spec.name() + "': the engine cannot create container "
                    + plan.name() + ": " + engineMessage(e) + " (volumes_from and links name sibling children,"
                    + " which must have been started first)", e);
        } catch (RuntimeException e) {
            throw new ChildRuntimeException("child '" + spec.name() + "': the engine cannot create container "
                    + plan.name() + ": " + engineMessage(e), e);
        }
        // tracked before it starts, so that even an instant exit finds its owner
        DockerRunningChild child = new DockerRunningChild(spec.name(), id, plan.name(),
                plan.labels().get(ContainerLabels.SPEC_HASH), false, control);
        tracked.put(id, child);
        try {
            client.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            tracked.remove(id, child);
            removeQuietly(id);
            throw new ChildRuntimeException("child '" + spec.name() + "': the engine cannot start container "
                    + plan.name() + ": " + engineMessage(e), e);
        }
        refresh(child);
        log.info("started child '%s' as container %s (%s)", spec.name(), plan.name(), shortId(id));
        return child;
    }

    /**
     * Adopts the member's running containers, and stops and removes running containers of children that
     * {@code wanted} no longer has, or whose spec changed since they were created (their hash label differs).
     * Exited containers are removed.
     *
     * @param wanted the member's current children, or null to adopt every running one
     */
    @Override
    public List<DockerRunningChild> findLeftovers(String member, Collection<ChildSpec> wanted)
            throws ChildRuntimeException {
        requireOpen();
        Map<String, String> wantedHashes = wanted == null ? null : wanted.stream()
                .collect(Collectors.toMap(ChildSpec::name, ContainerLabels::specHash, (a, b) -> a));
        List<Container> containers;
        try {
            containers = client.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(ContainerLabels.MEMBER, member))
                    .exec();
        } catch (RuntimeException e) {
            throw new ChildRuntimeException("listing the containers of member '" + member + "' on "
                    + config.dockerHost() + " failed: " + engineMessage(e), e);
        }
        Map<String, List<Container>> aliveByChild = new LinkedHashMap<>();
        for (Container container : containers) {
            Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
            String child = labels.get(ContainerLabels.CHILD);
            String name = nameOf(container);
            if (child == null) {
                log.info("removing container %s: it carries no child label", name);
                removeQuietly(container.getId());
            } else if (!ALIVE_STATES.contains(String.valueOf(container.getState()))) {
                log.info("removing leftover container %s of child '%s' (%s)", name, child, container.getState());
                removeQuietly(container.getId());
            } else if (wantedHashes != null && !wantedHashes.containsKey(child)) {
                log.info("removing leftover container %s: child '%s' is no longer configured", name, child);
                removeQuietly(container.getId());
            } else if (wantedHashes != null && !wantedHashes.get(child).equals(labels.get(ContainerLabels.SPEC_HASH))) {
                log.info("removing leftover container %s: the spec of child '%s' changed", name, child);
                removeQuietly(container.getId());
            } else {
                aliveByChild.computeIfAbsent(child, key -> new ArrayList<>()).add(container);
            }
        }
        List<DockerRunningChild> adopted = new ArrayList<>();
        for (Map.Entry<String, List<Container>> entry : aliveByChild.entrySet()) {
            String expectedName = ContainerNames.of(member, entry.getKey());
            // one container per child: keep the one under the expected name, else the newest
            List<Container> candidates = new ArrayList<>(entry.getValue());
            candidates.sort(Comparator.comparing((Container c) -> !expectedName.equals(nameOf(c)))
                    .thenComparing(c -> -(c.getCreated() == null ? 0L : c.getCreated())));
            Container keep = candidates.getFirst();
            for (Container duplicate : candidates.subList(1, candidates.size())) {
                log.info("removing duplicate container %s of child '%s'", nameOf(duplicate), entry.getKey());
                removeQuietly(duplicate.getId());
            }
            adopted.add(adopt(entry.getKey(), keep));
        }
        return adopted;
    }

    private DockerRunningChild adopt(String childName, Container container) {
        DockerRunningChild candidate = new DockerRunningChild(childName, container.getId(), nameOf(container),
                container.getLabels().get(ContainerLabels.SPEC_HASH), true, control);
        DockerRunningChild child = tracked.computeIfAbsent(container.getId(), id -> candidate);
        if (child == candidate) {
            log.info("adopted running container %s of child '%s'", child.containerName(), childName);
            // it may have ended between the listing and the tracking: its die event went unheard then
            refresh(child);
        }
        return child;
    }

    /** Learns the pid of a tracked container, and reports its exit if it is already over. */
    private void refresh(DockerRunningChild child) {
        try {
            InspectContainerResponse.ContainerState state = client.inspectContainerCmd(child.id()).exec().getState();
            if (state.getPidLong() != null) {
                child.pid(state.getPidLong());
            }
            if (!Boolean.TRUE.equals(state.getRunning())) {
                finish(child, exitCodeOf(state), finishedAt(state));
            }
        } catch (NotFoundException e) {
            finish(child, DockerRunningChild.UNKNOWN_EXIT_CODE, Instant.now());
        } catch (RuntimeException e) {
            log.warn("cannot inspect %s: %s", child, engineMessage(e));
        }
    }

    /** After the event stream (re)opened: anything that ended while nobody listened is reported now. */
    private void reconcile() {
        for (DockerRunningChild child : List.copyOf(tracked.values())) {
            refresh(child);
        }
    }

    private void onEvent(ContainerEvent event) {
        DockerRunningChild child = tracked.get(event.containerId());
        if (child == null) {
            return;
        }
        switch (event.action()) {
            case "oom" -> log.warn("%s ran out of memory", child);
            case "die" -> {
                Integer code = inspectedExitCode(event.containerId());
                if (code == null) {
                    code = event.exitCode();
                }
                finish(child, code == null ? DockerRunningChild.UNKNOWN_EXIT_CODE : code, event.time());
            }
            case "destroy" -> {
                Integer code = event.exitCode();
                finish(child, code == null ? DockerRunningChild.UNKNOWN_EXIT_CODE : code, event.time());
            }
            default -> {
                // other actions do not end a container
            }
        }
    }

    private Integer inspectedExitCode(String id) {
        try {
            InspectContainerResponse.ContainerState state = client.inspectContainerCmd(id).exec().getState();
            return Boolean.TRUE.equals(state.getRunning()) ? null : exitCodeOf(state);
        } catch (RuntimeException e) {
            return null; // already removed: the event's own attribute has to do
        }
    }

    private static int exitCodeOf(InspectContainerResponse.ContainerState state) {
        Long code = state.getExitCodeLong();
        return code == null ? DockerRunningChild.UNKNOWN_EXIT_CODE : code.intValue();
    }

    private static Instant finishedAt(InspectContainerResponse.ContainerState state) {
        try {
            Instant at = Instant.parse(state.getFinishedAt());
            return at.getEpochSecond() <= 0 ? Instant.now() : at;
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.now();
        }
    }

    private void finish(DockerRunningChild child, int exitCode, Instant at) {
        tracked.remove(child.id(), child);
        if (child.exited(new ChildExit(exitCode, at))) {
            log.info("%s exited with code %d", child, exitCode);
        }
    }

    private void ensureImage(ChildSpec spec) throws ChildRuntimeException {
        String image = spec.image();
        PullPolicy policy = config.pullPolicy();
        if (policy == PullPolicy.ALWAYS || (policy == PullPolicy.MISSING && !imagePresent(spec))) {
            pull(spec);
        } else if (policy == PullPolicy.NEVER && !imagePresent(spec)) {
            throw new ChildRuntimeException("child '" + spec.name() + "': image '" + image
                    + "' is not on the Docker engine at " + config.dockerHost() + "; build or pull it there"
                    + " (docker pull " + image + "), or let the agent pull missing images");
        }
    }

    private boolean imagePresent(ChildSpec spec) throws ChildRuntimeException {
        try {
            client.inspectImageCmd(spec.image()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw new ChildRuntimeException("child '" + spec.name() + "': cannot look up image '" + spec.image()
                    + "' on " + config.dockerHost() + ": " + engineMessage(e), e);
        }
    }

    private void pull(ChildSpec spec) throws ChildRuntimeException {
        String image = spec.image();
        log.info("pulling image '%s' for child '%s'", image, spec.name());
        try {
            var pull = client.pullImageCmd(image);
            if (!hasTagOrDigest(image)) {
                pull.withTag("latest"); // without a tag the engine would pull every tag
            }
            if (!pull.exec(new PullImageResultCallback()).awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new ChildRuntimeException("child '" + spec.name() + "': pulling image '" + image
                        + "' did not finish within " + PULL_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildRuntimeException("child '" + spec.name() + "': interrupted while pulling '" + image + "'", e);
        } catch (RuntimeException e) {
            throw new ChildRuntimeException("child '" + spec.name() + "': pulling image '" + image + "' failed: "
                    + engineMessage(e), e);
        }
    }

    static boolean hasTagOrDigest(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        return last.contains(":") || last.contains("@");
    }

    /** Frees the child's container name from a container of an earlier instance. */
    private void clearName(String name, String childName) throws ChildRuntimeException {
        InspectContainerResponse existing;
        try {
            existing = client.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return;
        } catch (RuntimeException e) {
            throw new ChildRuntimeException("child '" + childName + "': cannot inspect container " + name + ": "
                    + engineMessage(e), e);
        }
        Map<String, String> labels = existing.getConfig() == null || existing.getConfig().getLabels() == null
                ? Map.of() : existing.getConfig().getLabels();
        if (!member.equals(labels.get(ContainerLabels.MEMBER)) || !childName.equals(labels.get(ContainerLabels.CHILD))) {
            throw new ChildRuntimeException("child '" + childName + "': the container name " + name
                    + " is taken by a container that is not child '" + childName + "' of member '" + member
                    + "' (its labels: " + labels + "); remove or rename that container");
        }
        if (existing.getState() != null && Boolean.TRUE.equals(existing.getState().getRunning())) {
            throw new ChildRuntimeException("child '" + childName + "' already runs as container " + name
                    + "; adopt it (findLeftovers) or stop it before starting another");
        }
        log.info("removing the old container %s of child '%s'", name, childName);
        removeQuietly(existing.getId());
    }

    private void removeQuietly(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (ConflictException e) {
            log.debug(() -> "container " + shortId(id) + " is already being removed: " + engineMessage(e));
        } catch (RuntimeException e) {
            log.warn("cannot remove container %s: %s", shortId(id), engineMessage(e));
        }
    }

    private static String nameOf(Container container) {
        String[] names = container.getNames();
        if (names == null || names.length == 0) {
            return shortId(container.getId());
        }
        String name = names[0];
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }

    /** The engine's own words, without docker-java's status-line prefix and JSON wrapping. */
    static String engineMessage(RuntimeException e) {
        String message = rootMessage(e);
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

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null && e.getCause() != null) {
            message = e.getCause().toString();
        }
        return message == null ? e.toString() : message;
    }

    private void requireOpen() throws ChildRuntimeException {
        if (closed) {
            throw new ChildRuntimeException("the Docker runtime of member '" + member + "' is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        engineEvents.close();
        events.shutdownNow();
        for (DockerClient docker : List.of(client, streamClient)) {
            try {
                docker.close();
            } catch (IOException | RuntimeException e) {
                log.debug(() -> "closing the Docker client: " + e);
            }
        }
    }

    /** How running children reach the engine. */
    private final class Control implements DockerRunningChild.Control {

        @Override
        public void signal(DockerRunningChild child, String signal) throws ChildRuntimeException {
            String name = signalName(signal);
            if (!SIGNALS.contains(name)) {
                throw new ChildRuntimeException("child '" + child.childName() + "': unknown signal '" + signal
                        + "', expected one of " + SIGNALS.stream().sorted().toList());
            }
            try {
                client.killContainerCmd(child.id()).withSignal(name).exec();
            } catch (NotFoundException e) {
                throw new ChildRuntimeException("cannot send " + name + " to " + child + ": it no longer exists", e);
            } catch (ConflictException e) {
                throw new ChildRuntimeException("cannot send " + name + " to " + child + ": it is not running", e);
            } catch (RuntimeException e) {
                throw new ChildRuntimeException("cannot send " + name + " to " + child + ": " + engineMessage(e), e);
            }
        }

        @Override
        public void kill(DockerRunningChild child) {
            try {
                client.killContainerCmd(child.id()).withSignal("KILL").exec();
            } catch (NotFoundException | ConflictException e) {
                // already over: nothing left to kill
            } catch (RuntimeException e) {
                log.warn("cannot kill %s: %s", child, engineMessage(e));
            }
        }

        @Override
        public void remove(DockerRunningChild child) {
            removeQuietly(child.id());
        }
    }

    static String signalName(String signal) {
        String name = Objects.requireNonNull(signal, "signal").strip().toUpperCase(Locale.ROOT);
        return name.startsWith("SIG") ? name.substring(3) : name;
    }

    /** How often the engine's event stream was opened: more than once after the engine restarted. */
    int eventStreamOpenings() {
        return engineEvents.openings();
    }
}
