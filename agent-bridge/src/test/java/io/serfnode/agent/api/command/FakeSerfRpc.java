package io.serfnode.agent.api.command;

import io.serfnode.agent.serf.rpc.Coordinate;
import io.serfnode.agent.serf.rpc.KeyResponse;
import io.serfnode.agent.serf.rpc.LogLevel;
import io.serfnode.agent.serf.rpc.MembersFilter;
import io.serfnode.agent.serf.rpc.QueryRecord;
import io.serfnode.agent.serf.rpc.QueryRequest;
import io.serfnode.agent.serf.rpc.SerfConnectionListener;
import io.serfnode.agent.serf.rpc.SerfMember;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.SerfRpcConfig;
import io.serfnode.agent.serf.rpc.SerfStream;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.serf.rpc.StreamFilter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * A serf client that records what it is asked to do. Queries are answered by {@link #onQuery}, on the caller's
 * thread; the default ends every query at once without records, as serf does when nobody answers.
 */
final class FakeSerfRpc implements SerfRpc {
    record SentEvent(String name, byte[] payload, boolean coalesce) {
    }

    record ForcedLeave(String node, boolean prune) {
    }

    record Response(StreamEvent.QueryEvent query, byte[] payload) {
    }

    record Subscription(StreamFilter filter, StreamCallback<StreamEvent> callback) {
    }

    final String nodeName;
    final List<SentEvent> events = new CopyOnWriteArrayList<>();
    final List<ForcedLeave> forcedLeaves = new CopyOnWriteArrayList<>();
    final List<QueryRequest> queries = new CopyOnWriteArrayList<>();
    final List<Response> responses = new CopyOnWriteArrayList<>();
    final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    final AtomicBoolean queryClosed = new AtomicBoolean();
    volatile SerfRpcConfig config = SerfRpcConfig.of("127.0.0.1", SerfRpcConfig.DEFAULT_PORT);
    volatile BiConsumer<QueryRequest, StreamCallback<QueryRecord>> onQuery = (query, callback) -> {
        callback.onNext(new QueryRecord.Done());
        callback.onComplete();
    };
    volatile RuntimeException failEvents;
    volatile RuntimeException failForceLeave;

    FakeSerfRpc(String nodeName) {
        this.nodeName = nodeName;
    }

    @Override
    public SerfRpcConfig config() {
        return config;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public String localNodeName() {
        return nodeName;
    }

    @Override
    public void addConnectionListener(SerfConnectionListener listener) {
    }

    @Override
    public void removeConnectionListener(SerfConnectionListener listener) {
    }

    @Override
    public void event(String name, byte[] payload, boolean coalesce) {
        if (failEvents != null) {
            throw failEvents;
        }
        events.add(new SentEvent(name, payload, coalesce));
    }

    @Override
    public void forceLeave(String node) {
        forced(node, false);
    }

    @Override
    public void forceLeavePrune(String node) {
        forced(node, true);
    }

    private void forced(String node, boolean prune) {
        if (failForceLeave != null) {
            throw failForceLeave;
        }
        forcedLeaves.add(new ForcedLeave(node, prune));
    }

    @Override
    public SerfStream query(QueryRequest query, StreamCallback<QueryRecord> callback) {
        queries.add(query);
        SerfStream stream = new FakeStream(queryClosed);
        callback.onStart(stream);
        onQuery.accept(query, callback);
        return stream;
    }

    @Override
    public SerfStream stream(StreamFilter filter, StreamCallback<StreamEvent> callback) {
        subscriptions.add(new Subscription(filter, callback));
        SerfStream stream = new FakeStream(new AtomicBoolean());
        callback.onStart(stream);
        return stream;
    }

    @Override
    public void respond(StreamEvent.QueryEvent query, byte[] payload) {
        config.limits().checkQueryResponse(query.ltime(), nodeName, payload);
        responses.add(new Response(query, payload));
    }

    @Override
    public void respond(long queryId, byte[] payload) {
        throw new UnsupportedOperationException("respond by id");
    }

    @Override
    public int join(List<String> addresses, boolean replay) {
        throw new UnsupportedOperationException("join");
    }

    @Override
    public List<SerfMember> members() {
        throw new UnsupportedOperationException("members");
    }

    @Override
    public List<SerfMember> members(MembersFilter filter) {
        throw new UnsupportedOperationException("members");
    }

    @Override
    public void tags(Map<String, String> set, Collection<String> delete) {
        throw new UnsupportedOperationException("tags");
    }

    @Override
    public SerfStream monitor(LogLevel level, StreamCallback<String> callback) {
        throw new UnsupportedOperationException("monitor");
    }

    @Override
    public void leave() {
        throw new UnsupportedOperationException("leave");
    }

    @Override
    public KeyResponse installKey(String base64Key) {
        throw new UnsupportedOperationException("installKey");
    }

    @Override
    public KeyResponse useKey(String base64Key) {
        throw new UnsupportedOperationException("useKey");
    }

    @Override
    public KeyResponse removeKey(String base64Key) {
        throw new UnsupportedOperationException("removeKey");
    }

    @Override
    public KeyResponse listKeys() {
        throw new UnsupportedOperationException("listKeys");
    }

    @Override
    public Map<String, Map<String, String>> stats() {
        throw new UnsupportedOperationException("stats");
    }

    @Override
    public Optional<Coordinate> coordinate(String node) {
        throw new UnsupportedOperationException("coordinate");
    }

    @Override
    public void close() {
    }

    private static final class FakeStream implements SerfStream {
        private final AtomicBoolean closed;

        FakeStream(AtomicBoolean closed) {
            this.closed = closed;
        }

        @Override
        public long seq() {
            return 1;
        }

        @Override
        public boolean isOpen() {
            return !closed.get();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
