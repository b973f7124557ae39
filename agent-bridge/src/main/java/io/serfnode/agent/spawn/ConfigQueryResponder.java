package io.serfnode.agent.spawn;

import io.serfnode.agent.serf.rpc.QueryAnswering;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.SerfStream;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.support.ComponentLog;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Answers {@code serfnode.config} for this member with the page of its own configuration each query asks for,
 * so that any member can spawn members like this one.
 */
public final class ConfigQueryResponder {
    private final Supplier<MemberConfiguration> own;
    private final ConfigQueryCodec codec = new ConfigQueryCodec(SerfLimits.DEFAULTS);
    private final ComponentLog log;

    public ConfigQueryResponder(String member, Supplier<MemberConfiguration> own) {
        this.own = Objects.requireNonNull(own, "own");
        this.log = ComponentLog.of(member, "config-query");
    }

    /** Subscribes on {@code rpc} and answers on it; call again with the new client after a reconnect. */
    public SerfStream start(SerfRpc rpc) {
        return QueryAnswering.start(rpc, ConfigQueryCodec.QUERY_NAME, log, this::answer);
    }

    private void answer(SerfRpc rpc, StreamEvent.QueryEvent query) {
        try {
            int from = codec.decodeRequest(query.payload());
            rpc.respond(query, codec.encodePage(rpc.localNodeName(), query.ltime(), own.get().text(), from));
        } catch (RuntimeException e) {
            log.warn("not answering %s query %d: %s", ConfigQueryCodec.QUERY_NAME, query.ltime(), e.getMessage());
        }
    }
}
