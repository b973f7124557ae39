package io.serfnode.agent.member;

import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.process.SerfAgentProcess;
import io.serfnode.agent.serf.process.SerfExit;
import io.serfnode.agent.serf.process.SerfProcessManager;
import io.serfnode.agent.serf.rpc.SerfConnectionLostException;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.SerfRpcClient;
import io.serfnode.agent.support.ComponentLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A member's line to its serf agent: starts the agent (or attaches to one), connects the RPC client, and
 * when serf dies starts it again and rejoins the members it knew — without touching anything else of
 * the member. Listeners are told each time a fresh RPC client is ready, so they can subscribe again.
 *
 * <p>Starts and restarts happen on one owner thread.
 */
public final class SerfLink implements AutoCloseable {

    /** Told about the link's connections, on the link's thread. */
    public interface Listener {
        /** A (new) RPC client is ready; streams of an earlier client are gone. */
        void onConnected(SerfRpc rpc);

        /** The RPC client was lost; a new one follows through {@link #onConnected} when serf is back. */
        default void onDisconnected(String reason) {
        }
    }

    private final SerfLinkConfig config;
    private final SerfProcessManager processes;
    private final Supplier<List<SerfAddress>> knownPeers;
    private final ComponentLog log;
    private final ScheduledExecutorService owner;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private volatile SerfAgentProcess process;
    private volatile SerfRpc rpc;
    private volatile boolean closing;
    private int failedRestarts;
    private long restarts;

    /**
     * @param knownPeers gossip addresses of members this member last saw alive, to rejoin through after
     *                   serf was restarted
     */
    public SerfLink(String memberName, SerfLinkConfig config, SerfProcessManager processes,
            Supplier<List<SerfAddress>> knownPeers) {
        this.config = Objects.requireNonNull(config, "config");
        this.processes = processes;
        this.knownPeers = Objects.requireNonNull(knownPeers, "knownPeers");
        this.log = ComponentLog.of(memberName, "serf");
        this.owner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("serf-link-" + memberName).factory());
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Starts serf (or attaches) and connects; returns once the first RPC client is ready.
     *
     * @throws SerfLinkException when serf cannot be started or reached, with serf's own words
     */
    public void start() throws InterruptedException {
        try {
            owner.submit(() -> {
                connect(config.ownAgent());
                return null;
            }).get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw cause instanceof SerfLinkException link ? link
                    : new SerfLinkException("serf could not be started: " + cause.getMessage(), cause);
        }
    }

    /** The current RPC client. */
    public SerfRpc rpc() {
        SerfRpc current = rpc;
        if (current == null || !current.isOpen()) {
            throw new SerfLinkException("serf is not reachable right now (restarting)");
        }
        return current;
    }

    public boolean isConnected() {
        SerfRpc current = rpc;
        return current != null && current.isOpen();
    }

    /** How many times serf was started again after it died. */
    public long restarts() {
        return restarts;
    }

    /** The serf process this member runs, if it runs one and it is up. */
    public java.util.Optional<SerfAgentProcess> process() {
        return java.util.Optional.ofNullable(process);
    }

    private void connect(SerfAgentConfig agent) throws InterruptedException {
        if (agent != null) {
            SerfAgentProcess started = processes.start(agent);
            process = started;
            started.onExit((exited, exit) -> post(() -> onProcessExit(exited, exit)));
            try {
                started.awaitReady(config.readyTimeout());
            } catch (RuntimeException e) {
                started.kill();
                throw new SerfLinkException("serf did not start: " + e.getMessage(), e);
            }
            log.info("serf agent running (pid %d), gossip on %s, rpc on %s", started.pid(), agent.bind(),
                    agent.rpcAddress());
        }
        SerfRpc client;
        try {
            client = SerfRpcClient.connect(config.rpcConfig());
        } catch (RuntimeException e) {
            throw new SerfLinkException("serf's RPC at " + config.rpcConfig().address() + " did not answer: "
                    + e.getMessage(), e);
        }
        client.addConnectionListener(cause -> post(() -> onConnectionLost(client, cause)));
        rpc = client;
        failedRestarts = 0;
        for (Listener listener : listeners) {
            try {
                listener.onConnected(client);
            } catch (RuntimeException e) {
                log.error(e, "a listener failed while subscribing to serf");
            }
        }
    }

    /** Runs {@code task} on the owner thread; once the link is closing, late news is dropped. */
    private void post(Runnable task) {
        try {
            owner.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (!closing) {
                throw e;
            }
        }
    }

    private void onConnectionLost(SerfRpc client, SerfConnectionLostException cause) {
        if (closing || client != rpc) {
            return;
        }
        rpc = null;
        listeners.forEach(listener -> listener.onDisconnected(cause.getMessage()));
        SerfAgentProcess own = process;
        if (own == null) {
            log.warn("lost the attached serf agent (%s); reconnecting", cause.getMessage());
            scheduleReconnect();
        } else if (own.isAlive()) {
            log.warn("lost serf's RPC although serf runs (%s); reconnecting", cause.getMessage());
            scheduleReconnect();
        }
        // else: the process watcher reports the exit and the agent is restarted there
    }

    private void onProcessExit(SerfAgentProcess exited, SerfExit exit) {
        if (closing || exited != process) {
            return;
        }
        process = null;
        log.warn("serf (pid %d) exited with %d; starting it again; last output: %s", exit.pid(), exit.exitCode(),
                lastLines(exited));
        if (rpc != null) {
            rpc = null;
            listeners.forEach(listener -> listener.onDisconnected("serf exited with " + exit.exitCode()));
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        long delay = Math.min(config.maxRestartDelay().toMillis(), 1000L << Math.min(failedRestarts, 10));
        owner.schedule(this::reconnect, failedRestarts == 0 ? 0 : delay, TimeUnit.MILLISECONDS);
    }

    private void reconnect() {
        if (closing || isConnected()) {
            return;
        }
        try {
            SerfAgentProcess own = process;
            if (config.ownAgent() != null && (own == null || !own.isAlive())) {
                restarts++;
                connect(rejoiningConfig());
            } else {
                connect(null);
            }
            log.info("serf is back (restart %d)", restarts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failedRestarts++;
            log.error("serf could not be brought back (attempt %d): %s", failedRestarts, e.getMessage());
            SerfAgentProcess own = process;
            if (own != null && own.isAlive() && config.ownAgent() != null && !isConnected()) {
                own.close();
                process = null;
            }
            scheduleReconnect();
        }
    }

    /** The own agent's configuration, now also retrying to join every member it last saw alive. */
    private SerfAgentConfig rejoiningConfig() {
        SerfAgentConfig agent = config.ownAgent();
        LinkedHashSet<SerfAddress> peers = new LinkedHashSet<>(agent.retryJoin());
        peers.addAll(agent.startJoin());
        peers.addAll(knownPeers.get());
        return agent.withStartJoin(List.of()).withRetryJoin(new ArrayList<>(peers));
    }

    private static String lastLines(SerfAgentProcess process) {
        List<String> lines = process.recentOutput();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    /**
     * Leaves the cluster gracefully (others see member-leave) and ends serf; kills it after
     * {@code timeout}. An attached agent is left running.
     */
    public void leave(Duration timeout) throws InterruptedException {
        closing = true;
        owner.shutdownNow();
        SerfRpc client = rpc;
        rpc = null;
        if (client != null) {
            client.close();
        }
        SerfAgentProcess own = process;
        process = null;
        if (own != null) {
            SerfExit exit = own.stopGracefully(timeout);
            log.info("serf left the cluster and exited with %d", exit.exitCode());
        }
    }

    @Override
    public void close() {
        try {
            leave(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
