package io.serfnode.agent.serf.rpc;

import io.serfnode.agent.support.ComponentLog;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * {@link SerfRpc} over two TCP connections to one agent: request/response commands on one, streams
 * ({@code stream}, {@code monitor}, {@code query}, and the {@code stop} and {@code respond} that
 * refer to them) on the other, so that a flood of stream records never delays a command reply.
 * Serf ties streams, stops and query ids to the connection they came in on, hence {@code stop} and
 * {@code respond} travel on the stream connection too.
 */
public final class SerfRpcClient implements SerfRpc {
    private final SerfRpcConfig config;
    private final ComponentLog log;
    private final List<SerfConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean lossReported = new AtomicBoolean();
    private final RpcConnection commands;
    private final RpcConnection streams;
    private volatile String localNodeName;

    private SerfRpcClient(SerfRpcConfig config) {
        this.config = config;
        this.log = ComponentLog.of(config.member(), "serf-rpc");
        this.commands = RpcConnection.open("commands", config, log, this::connectionLost);
        RpcConnection opened;
        try {
            opened = RpcConnection.open("streams", config, log, this::connectionLost);
        } catch (RuntimeException e) {
            commands.close();
            throw e;
        }
        this.streams = opened;
    }

    /**
     * Opens both connections, performs the handshake on each and authenticates when the config has
     * an auth key.
     *
     * @throws SerfConnectionLostException    if the agent cannot be reached
     * @throws SerfAuthenticationException    if the agent refuses the key (or needs one)
     */
    public static SerfRpcClient connect(SerfRpcConfig config) {
        SerfRpcClient client = new SerfRpcClient(Objects.requireNonNull(config, "config"));
        try {
            client.greet(client.commands);
            client.greet(client.streams);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        client.log.debug("connected to serf agent RPC at %s", config.address());
        return client;
    }

    private void greet(RpcConnection connection) {
        await(connection.call(RpcCommand.HANDSHAKE, SerfRpcEncoder.handshake(), null), RpcCommand.HANDSHAKE);
        if (config.hasAuthKey()) {
            await(connection.call(RpcCommand.AUTH, SerfRpcEncoder.auth(config.authKey()), null), RpcCommand.AUTH);
        }
    }

    @Override
    public SerfRpcConfig config() {
        return config;
    }

    @Override
    public boolean isOpen() {
        return commands.isOpen() && streams.isOpen();
    }

    @Override
    public String localNodeName() {
        String name = localNodeName;
        if (name == null) {
            name = stats().getOrDefault("agent", Map.of()).get("name");
            if (name == null) {
                throw new SerfRpcException("serf agent at " + config.address() + " reports no agent name in stats");
            }
            localNodeName = name;
        }
        return name;
    }

    @Override
    public void addConnectionListener(SerfConnectionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeConnectionListener(SerfConnectionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void event(String name, byte[] payload, boolean coalesce) {
        Objects.requireNonNull(name, "name");
        config.limits().checkUserEvent(name, payload);
        command(RpcCommand.EVENT, SerfRpcEncoder.event(name, payload, coalesce), null);
    }

    @Override
    public void forceLeave(String node) {
        command(RpcCommand.FORCE_LEAVE, SerfRpcEncoder.forceLeave(Objects.requireNonNull(node, "node"), false), null);
    }

    @Override
    public void forceLeavePrune(String node) {
        command(RpcCommand.FORCE_LEAVE, SerfRpcEncoder.forceLeave(Objects.requireNonNull(node, "node"), true), null);
    }

    @Override
    public int join(List<String> addresses, boolean replay) {
        if (addresses == null || addresses.isEmpty()) {
            throw new IllegalArgumentException("join needs at least one address (host:port)");
        }
        return command(RpcCommand.JOIN, SerfRpcEncoder.join(List.copyOf(addresses), replay), SerfRpcDecoder::joined);
    }

    @Override
    public List<SerfMember> members() {
        return command(RpcCommand.MEMBERS, null, SerfRpcDecoder::members);
    }

    @Override
    public List<SerfMember> members(MembersFilter filter) {
        return command(RpcCommand.MEMBERS_FILTERED, SerfRpcEncoder.membersFiltered(Objects.requireNonNull(filter, "filter")),
                SerfRpcDecoder::members);
    }

    @Override
    public void tags(Map<String, String> set, Collection<String> delete) {
        Map<String, String> added = set == null ? Map.of() : Map.copyOf(set);
        List<String> removed = delete == null ? List.of() : List.copyOf(delete);
        String self = localNodeName();
        Map<String, String> result = new HashMap<>(members().stream()
                .filter(member -> member.name().equals(self))
                .findFirst()
                .map(SerfMember::tags)
                .orElse(Map.of()));
        removed.forEach(result::remove);
        result.putAll(added);
        config.limits().checkTags(result);
        command(RpcCommand.TAGS, SerfRpcEncoder.tags(added, removed), null);
    }

    @Override
    public SerfStream stream(StreamFilter filter, StreamCallback<StreamEvent> callback) {
        return openStream(RpcCommand.STREAM, SerfRpcEncoder.stream(Objects.requireNonNull(filter, "filter")),
                SerfRpcDecoder::streamEvent, record -> false, callback);
    }

    @Override
    public SerfStream monitor(LogLevel level, StreamCallback<String> callback) {
        return openStream(RpcCommand.MONITOR, SerfRpcEncoder.monitor(Objects.requireNonNull(level, "level")),
                SerfRpcDecoder::logLine, record -> false, callback);
    }

    @Override
    public SerfStream query(QueryRequest query, StreamCallback<QueryRecord> callback) {
        Objects.requireNonNull(query, "query");
        config.limits().checkQuery(query, localNodeName());
        return openStream(RpcCommand.QUERY, SerfRpcEncoder.query(query), SerfRpcDecoder::queryRecord,
                record -> record instanceof QueryRecord.Done,
                new SenderlessQueryRecords(Objects.requireNonNull(callback, "callback"), log));
    }

    @Override
    public void respond(StreamEvent.QueryEvent query, byte[] payload) {
        Objects.requireNonNull(query, "query");
        respond(query.id(), query.ltime(), payload);
    }

    @Override
    public void respond(long queryId, byte[] payload) {
        respond(queryId, -1, payload);
    }

    private void respond(long queryId, long ltime, byte[] payload) {
        config.limits().checkQueryResponse(ltime, localNodeName(), payload);
        await(streams.call(RpcCommand.RESPOND, SerfRpcEncoder.respond(queryId, payload), null), RpcCommand.RESPOND);
    }

    @Override
    public void leave() {
        try {
            command(RpcCommand.LEAVE, null, null);
        } catch (SerfConnectionLostException shutDown) {
            // serf leaves, answers and shuts down; when its connections close before the answer is read,
            // the agent is going away, which is what was asked
            log.debug("serf closed the connection while leaving: %s", shutDown.getMessage());
        }
    }

    @Override
    public KeyResponse installKey(String base64Key) {
        return command(RpcCommand.INSTALL_KEY, SerfRpcEncoder.key(Objects.requireNonNull(base64Key, "key")),
                SerfRpcDecoder::keyResponse);
    }

    @Override
    public KeyResponse useKey(String base64Key) {
        return command(RpcCommand.USE_KEY, SerfRpcEncoder.key(Objects.requireNonNull(base64Key, "key")),
                SerfRpcDecoder::keyResponse);
    }

    @Override
    public KeyResponse removeKey(String base64Key) {
        return command(RpcCommand.REMOVE_KEY, SerfRpcEncoder.key(Objects.requireNonNull(base64Key, "key")),
                SerfRpcDecoder::keyResponse);
    }

    @Override
    public KeyResponse listKeys() {
        return command(RpcCommand.LIST_KEYS, null, SerfRpcDecoder::keyResponse);
    }

    @Override
    public Map<String, Map<String, String>> stats() {
        return command(RpcCommand.STATS, null, SerfRpcDecoder::stats);
    }

    @Override
    public Optional<Coordinate> coordinate(String node) {
        return command(RpcCommand.GET_COORDINATE, SerfRpcEncoder.coordinate(Objects.requireNonNull(node, "node")),
                SerfRpcDecoder::coordinate);
    }

    @Override
    public void close() {
        commands.close();
        streams.close();
    }

    @Override
    public String toString() {
        return "SerfRpcClient[" + config.address() + (isOpen() ? "" : ", closed") + "]";
    }

    private <T> T command(RpcCommand command, BodyWriter request, BodyReader<T> reply) {
        return await(commands.call(command, request, reply), command);
    }

    private <T> SerfStream openStream(RpcCommand command, BodyWriter request, BodyReader<T> reader,
            Predicate<T> last, StreamCallback<T> callback) {
        Objects.requireNonNull(callback, "callback");
        long seq = streams.nextSeq();
        String name = "serf-" + command.wireName() + "-" + config.member() + "-" + seq;
        StreamSubscription<T> subscription = new StreamSubscription<>(seq, command, reader, last,
                new StreamDispatcher<>(callback, name, log), this::stop);
        streams.register(seq, subscription);
        streams.send(command, seq, request);
        try {
            await(subscription.acknowledged(), command);
        } catch (SerfRpcTimeoutException e) {
            subscription.close();
            throw e;
        }
        return subscription;
    }

    /** Asks the agent to stop a stream; the reply is consumed but not awaited, so closing never blocks. */
    private void stop(long seq) {
        if (!streams.isOpen()) {
            return;
        }
        try {
            streams.call(RpcCommand.STOP, SerfRpcEncoder.stop(seq), null).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    log.debug("stop of stream #%d not confirmed: %s", seq, failure.getMessage());
                }
            });
        } catch (SerfRpcException e) {
            log.debug("stop of stream #%d not sent: %s", seq, e.getMessage());
        }
    }

    private <T> T await(CompletableFuture<T> reply, RpcCommand command) {
        try {
            return reply.get(config.commandTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new SerfRpcTimeoutException("serf agent at " + config.address() + " did not answer '"
                    + command.wireName() + "' within " + config.commandTimeout());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new SerfRpcException("'" + command.wireName() + "' failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerfRpcException("interrupted while waiting for '" + command.wireName() + "'", e);
        }
    }

    private void connectionLost(SerfConnectionLostException cause) {
        if (!lossReported.compareAndSet(false, true)) {
            return;
        }
        // one broken connection means the agent is gone: end the other one as well, as failed
        if (commands != null) {
            commands.abort(cause);
        }
        if (streams != null) {
            streams.abort(cause);
        }
        Thread.ofVirtual().name("serf-rpc-lost-" + config.member()).start(() -> {
            for (SerfConnectionListener listener : listeners) {
                try {
                    listener.onConnectionLost(cause);
                } catch (RuntimeException e) {
                    log.warn(e, "connection listener %s failed", listener);
                }
            }
        });
    }
}
