package io.serfnode.agent.api.ws;

import io.serfnode.agent.api.ClusterAccess;
import io.serfnode.agent.api.CommandService;
import io.serfnode.agent.api.journal.RingEventJournal;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.wire.WireCodec;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

/** The WebSocket API on Tyrus, served by a Grizzly listener bound to exactly the configured address. */
final class TyrusWsServer implements WsServer {
    private static final String LISTENER = "serfnode-ws";

    private final HttpServer http;
    private final NetworkListener listener;
    private final WsServerConfig config;
    private final RingEventJournal journal;
    private final Closeable clusterSubscription;
    private final ClusterEndpoint endpoint;
    private final TyrusContainer container;
    private final ScheduledExecutorService timers;
    private final ExecutorService senders;
    private final ComponentLog log;

    private TyrusWsServer(HttpServer http, NetworkListener listener, WsServerConfig config, RingEventJournal journal,
                          Closeable clusterSubscription, ClusterEndpoint endpoint, TyrusContainer container,
                          ScheduledExecutorService timers, ExecutorService senders, ComponentLog log) {
        this.http = http;
        this.listener = listener;
        this.config = config;
        this.journal = journal;
        this.clusterSubscription = clusterSubscription;
        this.endpoint = endpoint;
        this.container = container;
        this.timers = timers;
        this.senders = senders;
        this.log = log;
    }

    static WsServer start(WsServerConfig config, ClusterAccess cluster, CommandService commands) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(commands, "commands");
        ComponentLog log = ComponentLog.of(cluster.agentName(), "ws");
        SSLContext tls = config.secure() ? PemTls.serverContext(config.tls()) : null;
        WsLimits limits = config.limits();
        RingEventJournal journal = new RingEventJournal(UUID.randomUUID().toString(), limits.historyCapacity(), log);
        Closeable clusterSubscription = cluster.subscribe(journal::append);

        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("ws-timers-" + cluster.agentName()).factory());
        ExecutorService senders = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("ws-send-" + cluster.agentName() + "-", 0).factory());
        TyrusContainer container = new TyrusContainer(limits.maxFrameBytes());
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener(LISTENER, config.host(), config.port());
        try {
            WireCodec codec = new WireCodec(limits.wire());
            ApiContext context = new ApiContext(limits, new TokenCheck(config.token()), AuthThrottle.of(limits),
                    codec, new EventTexts(codec, limits.queueLimit()), journal, cluster, commands,
                    new SnapshotMaker(cluster),
                    () -> advertised(listener, config), timers, senders, log);
            ConnectionWriters writers = new ConnectionWriters();
            ClusterEndpoint endpoint = new ClusterEndpoint(context, writers);
            container.register(ServerEndpointConfig.Builder.create(ClusterEndpoint.class, PATH)
                    .configurator(new SingleInstance(endpoint)).build());

            listener.setTransport(transport(cluster.agentName()));
            listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
            if (tls != null) {
                listener.setSecure(true);
                listener.setSSLEngineConfig(new SSLEngineConfigurator(tls, false, false, false));
            }
            listener.registerAddOn(tyrusAddOn(container, writers));
            http.addListener(listener);
            http.start();
            TyrusWsServer server = new TyrusWsServer(http, listener, config, journal, clusterSubscription, endpoint,
                    container, timers, senders, log);
            log.info("WebSocket API listening on %s", server.uri());
            return server;
        } catch (DeploymentException | IOException | RuntimeException failure) {
            http.shutdownNow();
            closeQuietly(clusterSubscription, log);
            journal.close();
            timers.shutdownNow();
            senders.shutdownNow();
            if (failure instanceof IOException io) {
                throw new IOException("the WebSocket API could not listen on " + config.host() + ":" + config.port()
                        + ": " + io.getMessage(), io);
            }
            throw new IllegalStateException("the WebSocket API could not be set up: " + failure.getMessage(),
                    failure);
        }
    }

    /** Few threads: the API's work is small and the machine's cores belong to the cluster's children. */
    private static TCPNIOTransport transport(String agent) {
        return TCPNIOTransportBuilder.newInstance()
                .setIOStrategy(WorkerThreadIOStrategy.getInstance())
                .setSelectorThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                        .setPoolName("ws-selector-" + agent).setCorePoolSize(1).setMaxPoolSize(1).setDaemon(true))
                .setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                        .setPoolName("ws-worker-" + agent).setCorePoolSize(2).setMaxPoolSize(8).setDaemon(true))
                .build();
    }

    /** Puts Tyrus in front of Grizzly's HTTP handling, so upgrades reach it and the rest gets plain HTTP. */
    private static AddOn tyrusAddOn(TyrusContainer container, ConnectionWriters writers) {
        return (networkListener, chain) -> {
            int http = chain.indexOfType(HttpServerFilter.class);
            chain.add(http, new TyrusUpgradeFilter(container.getWebSocketEngine(), writers));
        };
    }

    private static String advertised(NetworkListener listener, WsServerConfig config) {
        return config.host() + ":" + listener.getPort();
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(config.host(), listener.getPort());
    }

    @Override
    public URI uri() {
        return URI.create((config.secure() ? "wss://" : "ws://") + advertisedAddress() + PATH);
    }

    @Override
    public String advertisedAddress() {
        return advertised(listener, config);
    }

    @Override
    public String streamId() {
        return journal.streamId();
    }

    @Override
    public void close() {
        closeQuietly(clusterSubscription, log);
        for (ApiSession session : endpoint.sessions()) {
            session.closeGoingAway();
        }
        journal.close();
        try {
            http.shutdown(1, TimeUnit.SECONDS).get(2, TimeUnit.SECONDS);
        } catch (Exception slow) {
            log.debug("the listener did not stop gently: %s", slow.toString());
        }
        http.shutdownNow();
        container.stop();
        timers.shutdownNow();
        senders.shutdownNow();
        log.info("WebSocket API on %s closed", uri());
    }

    private static void closeQuietly(Closeable closeable, ComponentLog log) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException failure) {
            log.debug("closing %s failed: %s", closeable, failure.toString());
        }
    }

    /** Tyrus asks the configurator for the endpoint; every connection shares the one that knows the member. */
    private static final class SingleInstance extends ServerEndpointConfig.Configurator {
        private final Endpoint endpoint;

        SingleInstance(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(endpoint);
        }
    }
}
