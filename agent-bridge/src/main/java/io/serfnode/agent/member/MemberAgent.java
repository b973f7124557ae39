package io.serfnode.agent.member;

import io.serfnode.agent.api.ClusterAccess;
import io.serfnode.agent.api.CommandService;
import io.serfnode.agent.api.LocalMember;
import io.serfnode.agent.api.ws.WsServer;
import io.serfnode.agent.api.command.ClusterCommandService;
import io.serfnode.agent.api.command.CommandResponder;
import io.serfnode.agent.api.command.CommandResponderConfig;
import io.serfnode.agent.api.command.CommandServiceConfig;
import io.serfnode.agent.cluster.ChildTransition;
import io.serfnode.agent.cluster.ChildrenQueryCodec;
import io.serfnode.agent.serf.rpc.QueryRetry;
import io.serfnode.agent.cluster.ChildrenQueryResponder;
import io.serfnode.agent.cluster.ChildrenReconciler;
import io.serfnode.agent.cluster.ClusterChildren;
import io.serfnode.agent.cluster.ClusterChildrenConfig;
import io.serfnode.agent.cluster.ClusterChildrenListener;
import io.serfnode.agent.cluster.ClusterNames;
import io.serfnode.agent.cluster.LocalChildren;
import io.serfnode.agent.cluster.OwnedClusterChildren;
import io.serfnode.agent.cluster.SerfChildrenQuery;
import io.serfnode.agent.cluster.TransitionCodec;
import io.serfnode.agent.cluster.TransitionGossip;
import io.serfnode.agent.cluster.TransitionGossipReceiver;
import io.serfnode.agent.cluster.RecentTransitions;
import io.serfnode.agent.cluster.SerfTransitionsQuery;
import io.serfnode.agent.cluster.TransitionRepair;
import io.serfnode.agent.cluster.TransitionsQueryCodec;
import io.serfnode.agent.cluster.TransitionsQueryResponder;
import io.serfnode.agent.cluster.view.ViewQueryCodec;
import io.serfnode.agent.cluster.view.ViewQueryResponder;
import io.serfnode.agent.runtime.ChildRuntime;
import io.serfnode.agent.serf.process.LocalSerfProcessManager;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.process.SerfLaunchSettings;
import io.serfnode.agent.serf.process.SerfProcessManager;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.serf.rpc.StreamFilter;
import io.serfnode.agent.supervisor.ChildrenSupervisor;
import io.serfnode.agent.supervisor.Supervisor;
import io.serfnode.agent.supervisor.TransitionCallback;
import io.serfnode.agent.spawn.ConfigQueryResponder;
import io.serfnode.agent.spawn.DockerMemberSpawner;
import io.serfnode.agent.spawn.DockerSpawnerConfig;
import io.serfnode.agent.spawn.NewMemberSettings;
import io.serfnode.agent.spawn.ProcessMemberSpawner;
import io.serfnode.agent.spawn.ProcessSpawnerConfig;
import io.serfnode.agent.spawn.SerfConfigFetcher;
import io.serfnode.agent.spawn.SpawnService;
import io.serfnode.agent.spawn.SpawnSettings;
import io.serfnode.agent.spawn.Templates;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Child;
import io.serfnode.model.Member;
import io.serfnode.model.Payload;
import io.serfnode.model.ProtocolVersion;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SerfTags;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.MemberLeft;
import io.serfnode.model.event.MemberReaped;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import java.io.Closeable;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One member of a Serfnode cluster: its serf agent kept alive, and the cluster's membership and user
 * events as this member sees them.
 */
public final class MemberAgent implements AutoCloseable {
    private final MemberAgentConfig config;
    private final ComponentLog log;
    private final Clock clock;
    private final MembershipView membership;
    private final SerfLink serf;
    private final ScheduledExecutorService reconciler;
    private final List<Consumer<UserEvent>> userEventListeners = new CopyOnWriteArrayList<>();
    private final Map<RuntimeKind, ChildRuntime> runtimes;
    private final ChildrenSupervisor supervisor;
    private final DeveloperInterface developerInterface;
    private final OwnedClusterChildren clusterChildren;
    private final TransitionGossip gossip;
    private final TransitionGossipReceiver gossipReceiver;
    private final ChildrenQueryResponder childrenResponder;
    private final RecentTransitions recentTransitions = new RecentTransitions(RecentTransitions.DEFAULT_CAPACITY);
    private final TransitionsQueryResponder transitionsResponder;
    private final ViewQueryResponder viewResponder;
    private final ChildrenReconciler childrenReconciler;
    private final MemberClusterAccess clusterAccess;
    private final CommandResponder commandResponder;
    private final ClusterCommandService commands;
    private final WsServer api;
    private final SpawnService spawning;
    private final ConfigQueryResponder configResponder;
    private volatile Runnable onLeaveRequested = () -> Thread.ofPlatform().name("member-leave").start(this::close);

    /** The original Serfnode's tag for when a member started (epoch seconds). */
    static final String TIMESTAMP_TAG = "timestamp";

    public MemberAgent(MemberAgentConfig config) {
        this(config, Clock.systemUTC(),
                new LocalSerfProcessManager(SerfLaunchSettings.defaults(config.stateDir().resolve("serf"))
                        .withBinary(config.serfBinary())));
    }

    MemberAgent(MemberAgentConfig config, Clock clock, SerfProcessManager processes) {
        this.config = config;
        this.clock = clock;
        this.log = ComponentLog.of(config.name(), "agent");
        this.membership = new MembershipView(config.name(), clock);
        this.reconciler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("reconcile-" + config.name()).factory());
        checkNames(config);
        this.runtimes = ChildRuntimes.open(config.name(), config.stateDir(), config.runtimeMode(), config.docker(),
                config.children());
        try {
            this.supervisor = ChildrenSupervisor.open(config.name(), config.stateDir(), config.children(), runtimes);
        } catch (IOException e) {
            runtimes.values().forEach(ChildRuntime::close);
            throw new MemberConfigurationException("cannot keep the member's state in " + config.stateDir() + ": "
                    + e.getMessage(), e);
        }
        this.developerInterface = new DeveloperInterface(config.name(), config.stateDir(), config.sharedHostsFile(),
                SerfLimits.DEFAULTS::checkUserEvent);
        this.clusterChildren = new OwnedClusterChildren(config.name(), ClusterChildrenConfig.defaults());
        Function<String, Optional<Child>> descriptors = child -> supervisor.snapshot().stream()
                .map(SupervisedChild::child).filter(described -> described.name().equals(child)).findFirst();
        this.gossip = new TransitionGossip(config.name(), this::serfRpc, TransitionCodec.withDefaultLimits(),
                descriptors);
        this.gossipReceiver = new TransitionGossipReceiver(config.name(), clusterChildren,
                TransitionCodec.withDefaultLimits());
        this.childrenResponder = new ChildrenQueryResponder(config.name(), this::localChildren,
                ChildrenQueryCodec.withDefaultLimits());
        this.viewResponder = new ViewQueryResponder(config.name(), membership::members,
                ViewQueryCodec.withDefaultLimits());
        this.childrenReconciler = new ChildrenReconciler(config.name(), clusterChildren,
                new SerfChildrenQuery(config.name(), this::serfRpc, ChildrenQueryCodec.withDefaultLimits(),
                        SerfChildrenQuery.defaultRetry()));
        clusterChildren.subscribe(childrenReconciler);
        this.transitionsResponder = new TransitionsQueryResponder(config.name(), recentTransitions,
                TransitionsQueryCodec.withDefaultLimits());
        clusterChildren.subscribe(new TransitionRepair(config.name(), clusterChildren,
                new SerfTransitionsQuery(config.name(), this::serfRpc, TransitionsQueryCodec.withDefaultLimits(),
                        SerfTransitionsQuery.defaultRetry())));
        this.clusterAccess = new MemberClusterAccess(config.name(), membership::members, supervisor, clusterChildren);
        LocalMember local = new LocalMember() {
            @Override
            public String name() {
                return config.name();
            }

            @Override
            public Supervisor supervisor() {
                return supervisor;
            }

            @Override
            public SerfRpc rpc() {
                return serfRpc();
            }

            @Override
            public List<Member> members() {
                return membership.members();
            }

            @Override
            public void leaveSoon() {
                onLeaveRequested.run();
            }

            @Override
            public Optional<SpawnService> spawning() {
                return Optional.of(spawning);
            }
        };
        this.spawning = openSpawning(config);
        this.configResponder = new ConfigQueryResponder(config.name(), () -> config.spawn().own());
        this.commandResponder = new CommandResponder(local, CommandResponderConfig.defaults());
        this.commands = new ClusterCommandService(local, clusterAccess::publish, clock, CommandServiceConfig.defaults());
        // the API is bound before serf starts, so that the ws tag is among serf's tags from the first gossip on
        this.api = startApi(config);
        SerfLinkConfig link = config.serfAttach() != null
                ? SerfLinkConfig.attach(config.serfAttach())
                : SerfLinkConfig.own(serfAgentConfig(config, api == null ? null : advertisedApi(config, api)));
        this.serf = new SerfLink(config.name(), link, processes, this::peersToRejoin);
        this.serf.addListener(new SerfLink.Listener() {
            @Override
            public void onConnected(SerfRpc rpc) {
                subscribe(rpc);
                gossip.serfReconnected();
            }
        });
        // every member's transitions, local ones included, once each and in counter order per member
        clusterChildren.subscribe(new ClusterChildrenListener() {
            @Override
            public void onTransition(SupervisorStateChanged event) {
                clusterAccess.publish(event);
            }
        });
        // kept before it is gossiped, so that whoever misses the gossip can fetch it from here
        supervisor.subscribe(new TransitionCallback() {
            @Override
            public void onNext(SupervisorStateChanged event) {
                recentTransitions.record(new ChildTransition(event,
                        descriptors.apply(event.child()).map(Child::runtime).orElse(null), null));
            }
        });
        supervisor.subscribe(gossip);
        membership.addListener(event -> {
            developerInterface.membersChanged(membership.members());
            developerInterface.memberEvent(event);
            if (event instanceof MemberLeft || event instanceof MemberReaped) {
                clusterChildren.forget(event.member().name());
            }
            clusterAccess.publish(event);
        });
        ComponentLog transitions = ComponentLog.of(config.name(), "supervisor");
        supervisor.subscribe(new TransitionCallback() {
            @Override
            public void onNext(SupervisorStateChanged event) {
                transitions.info("%s %s -> %s%s (attempt %d, counter %d)", event.child(), event.from(), event.to(),
                        event.exitCode() == null ? "" : ", exit code " + event.exitCode(), event.attempt(),
                        event.counter());
                developerInterface.childrenChanged(supervisor.snapshot());
                clusterChildren.apply(ChildTransition.of(event));
            }
        });
    }

    /** Spawning in this member's image: its address, its token, its gossip key, its state directory. */
    private SpawnService openSpawning(MemberAgentConfig config) {
        SpawnSettings settings = config.spawn();
        SerfAddress gossip = config.advertise() != null ? config.advertise() : config.bind();
        SerfAddress join = isWildcard(gossip.host()) ? SerfAddress.of("127.0.0.1", gossip.port()) : gossip;
        NewMemberSettings member = NewMemberSettings.of(config.bind().host(), join,
                        config.stateDir().resolve("spawned"))
                .withEncryptKey(config.encryptKey())
                .withProfile(config.profile())
                .withLogLevel(settings.logLevel())
                .withStopTimeout(settings.stopTimeout());
        if (config.api() != null) {
            member = member.withApi(config.api().host(), config.api().token(), settings.tokenFile(),
                    config.api().tls());
        }
        ProcessSpawnerConfig processes = ProcessSpawnerConfig.of(member)
                .withRuntimeMode(config.runtimeMode())
                .withSerfBinary(config.serfBinary());
        if (settings.launcher() != null) {
            processes = processes.withLauncher(settings.launcher());
        }
        DockerSpawnerConfig containers = DockerSpawnerConfig.of(member)
                .withImage(settings.memberImage())
                .withDockerHost(config.docker().dockerHost())
                .withRequestTimeout(config.docker().requestTimeout());
        Path templates = settings.templatesDir() != null ? settings.templatesDir()
                : config.stateDir().resolve("templates");
        return new SpawnService(config.name(), membership::members, new Templates(templates), settings::own,
                SerfConfigFetcher.withDefaults(config.name(), this::serfRpc),
                List.of(new ProcessMemberSpawner(config.name(), processes),
                        new DockerMemberSpawner(config.name(), containers)));
    }

    private WsServer startApi(MemberAgentConfig config) {
        if (config.api() == null) {
            return null;
        }
        try {
            return WsServer.start(config.api(), clusterAccess, commands);
        } catch (IOException e) {
            throw new ApiUnavailableException("the WebSocket API cannot serve on " + config.api().host() + ":"
                    + config.api().port() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The {@code host:port} other members and consoles reach the API at: a wildcard bind is advertised with
     * the member's gossip address, which others already reach.
     */
    static String advertisedApi(MemberAgentConfig config, WsServer server) {
        String host = config.api().host();
        if (isWildcard(host)) {
            SerfAddress gossip = config.advertise() != null ? config.advertise() : config.bind();
            host = isWildcard(gossip.host()) ? localAddress() : gossip.host();
        }
        return SerfAddress.of(host, server.address().getPort()).toString();
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static String localAddress() {
        try {
            return java.net.InetAddress.getLocalHost().getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    /** The current client of this member's serf, looked up on each use so a restarted serf's is used. */
    private SerfRpc serfRpc() {
        return serf.rpc();
    }

    /** The WebSocket API, when this member serves one. */
    public java.util.Optional<WsServer> api() {
        return java.util.Optional.ofNullable(api);
    }

    /** Refuses names that would not fit serf's limits once gossiped. */
    private static void checkNames(MemberAgentConfig config) {
        try {
            ClusterNames.checkMemberName(config.name());
            config.children().forEach(child -> ClusterNames.checkChildName(child.name()));
        } catch (IllegalArgumentException e) {
            throw new MemberConfigurationException(e.getMessage(), e);
        }
    }

    /** This member's own children with the last transition counter they reflect. */
    private LocalChildren.State localChildren() {
        List<SupervisedChild> children = supervisor.snapshot();
        long counter = children.stream().mapToLong(child -> child.status().counter()).max().orElse(0);
        return new LocalChildren.State(counter, children);
    }

    /** How this member spawns members, and the members it spawned. */
    public SpawnService spawning() {
        return spawning;
    }

    /** Operator commands, carried out here or relayed to any other member. */
    public CommandService commands() {
        return commands;
    }

    /**
     * What happens when an operator asks this member to leave: by default it leaves and stops in the
     * background; a member run as a process exits instead, so that its shutdown does the leaving.
     */
    public void onLeaveRequested(Runnable action) {
        this.onLeaveRequested = Objects.requireNonNull(action, "action");
    }

    /** The cluster as this member knows it, for the WebSocket API. */
    public ClusterAccess clusterAccess() {
        return clusterAccess;
    }

    /** The children of every member, as this member knows them. */
    public ClusterChildren clusterChildren() {
        return clusterChildren;
    }

    /** The tags this member gossips. */
    static Map<String, String> tagsOf(MemberAgentConfig config, String wsAddress) {
        Map<String, String> tags = new LinkedHashMap<>(config.extraTags());
        if (wsAddress != null) {
            tags.put(SerfTags.WS, wsAddress);
        }
        if (!config.roles().isEmpty()) {
            tags.put(SerfTags.ROLE, SerfTags.formatRoles(config.roles()));
        }
        tags.put(SerfTags.PROTOCOL, String.valueOf(ProtocolVersion.CURRENT));
        // when this member started: the developer files map each role to its longest-running member
        tags.putIfAbsent(TIMESTAMP_TAG, String.valueOf(Instant.now().getEpochSecond()));
        return tags;
    }

    /** Our own events and queries start with this, so they never clash with users'. */
    static final String INTERNAL_EVENT_PREFIX = "serfnode.";

    private static SerfAgentConfig serfAgentConfig(MemberAgentConfig config, String wsAddress) {
        return SerfAgentConfig.lan(config.name(), config.bind(), config.rpc())
                .withAdvertise(config.advertise())
                .withProfile(config.profile())
                .withReconnectInterval(config.serfReconnect().interval())
                .withReconnectTimeout(config.serfReconnect().timeout())
                .withTags(tagsOf(config, wsAddress))
                .withRetryJoin(config.join())
                .withEncryptKey(config.encryptKey())
                // only this agent talks to its serf: a fresh secret each start keeps other local users out
                .withRpcAuthToken(randomToken())
                .withSnapshotPath(config.stateDir().resolve("serf").resolve("snapshot"));
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Starts serf and subscribes to the cluster; returns once this member is up. */
    public void start() throws InterruptedException {
        log.info("starting member %s with roles %s and %d children", config.name(), config.roles(),
                config.children().size());
        serf.start();
        long interval = config.reconcileInterval().toMillis();
        reconciler.scheduleWithFixedDelay(this::reconcile, interval, interval, TimeUnit.MILLISECONDS);
        developerInterface.childrenChanged(supervisor.snapshot());
        developerInterface.start(new DeveloperInterface.EventSink() {
            @Override
            public void trigger(String name, byte[] payload) {
                try {
                    triggerEvent(name, payload, false);
                } catch (RuntimeException e) {
                    log.error("a child's event '%s' could not be sent: %s", name, e.getMessage());
                }
            }

            @Override
            public void rejected(String reason, String excerpt, long lineNumber) {
                log.error("rejected line %d of the parent FIFO: %s: %s", lineNumber, reason, excerpt);
                reportRejectedLine(reason, excerpt, lineNumber);
            }
        });
        supervisor.startAll();
        List<String> others = membership.aliveOthers(config.name()).stream().map(Member::name).toList();
        childrenReconciler.reconcileAll(others).whenComplete((answers, failure) -> {
            if (failure != null) {
                log.warn("could not learn the other members' children: %s", failure.getMessage());
            }
        });
    }

    /** Tells the cluster about a FIFO line that raised no event, so it is seen, not only logged. */
    private void reportRejectedLine(String reason, String excerpt, long lineNumber) {
        try {
            byte[] payload = RejectedLineReport.encode(config.name(), reason, excerpt, lineNumber,
                    SerfLimits.DEFAULTS);
            serf.rpc().event(RejectedLineReport.EVENT_NAME, payload, false);
        } catch (RuntimeException e) {
            log.warn("could not report the rejected FIFO line to the cluster: %s", e.getMessage());
        }
    }

    /** The children this member supervises. */
    public Supervisor supervisor() {
        return supervisor;
    }

    public String name() {
        return config.name();
    }

    public MemberAgentConfig config() {
        return config;
    }

    public MembershipView membership() {
        return membership;
    }

    public SerfLink serf() {
        return serf;
    }

    /** Called with every user event the cluster delivers to this member, on the stream's thread. */
    public void addUserEventListener(Consumer<UserEvent> listener) {
        userEventListeners.add(listener);
    }

    /** Broadcasts a user event to the whole cluster; serf's size limit is checked before sending. */
    public void triggerEvent(String name, byte[] payload, boolean coalesce) {
        serf.rpc().event(name, payload, coalesce);
    }

    private void subscribe(SerfRpc rpc) {
        gossipReceiver.start(rpc);
        childrenResponder.start(rpc);
        transitionsResponder.start(rpc);
        configResponder.start(rpc);
        viewResponder.start(rpc);
        commandResponder.start(rpc);
        // subscribe first, then list: whatever changes in between arrives on the stream
        rpc.stream(StreamFilter.memberEvents().and(StreamFilter.user()), new StreamCallback<>() {
            @Override
            public void onStart(Closeable stream) {
                log.debug("subscribed to serf's member and user events");
            }

            @Override
            public void onNext(StreamEvent event) {
                switch (event) {
                    case StreamEvent.MemberEvent members -> membership.apply(members);
                    case StreamEvent.UserEvent user -> deliver(user);
                    case StreamEvent.QueryEvent query -> log.debug("query %s not handled here", query.name());
                }
            }

            @Override
            public void onError(Throwable error) {
                log.warn("serf's event stream broke: %s", error.getMessage());
            }
        });
        membership.reconcile(rpc.members());
    }

    private void deliver(StreamEvent.UserEvent event) {
        UserEvent user = new UserEvent(clock.instant(), event.name(),
                Payload.of(event.payload() == null ? new byte[0] : event.payload()), event.coalesce(), event.ltime());
        if (!event.name().startsWith(INTERNAL_EVENT_PREFIX)) {
            developerInterface.userEvent(user);
            clusterAccess.publish(user);
        }
        for (Consumer<UserEvent> listener : userEventListeners) {
            try {
                listener.accept(user);
            } catch (RuntimeException e) {
                log.error(e, "a user-event listener failed on %s", event.name());
            }
        }
    }

    private void reconcile() {
        if (!serf.isConnected()) {
            return;
        }
        try {
            membership.reconcile(serf.rpc().members());
        } catch (RuntimeException e) {
            log.warn("could not check the member list: %s", e.getMessage());
        }
    }

    private List<SerfAddress> peersToRejoin() {
        return membership.aliveOthers(config.name()).stream()
                .map(member -> SerfAddress.of(member.address(), member.port()))
                .toList();
    }

    /** Every member this member knows. */
    public List<Member> members() {
        return membership.members();
    }

    /** Leaves the cluster gracefully: others see member-leave. */
    public void leave() throws InterruptedException {
        // the members this one spawned leave first, while it still hears them go
        spawning.close();
        reconciler.shutdownNow();
        // children first, while the cluster can still hear about their last transitions
        supervisor.close();
        gossip.close();
        developerInterface.close();
        serf.leave(config.leaveTimeout());
        if (api != null) {
            api.close();
        }
        runtimes.values().forEach(ChildRuntime::close);
        clusterChildren.close();
        membership.close();
        log.info("member %s stopped", config.name());
    }

    @Override
    public void close() {
        try {
            leave();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
