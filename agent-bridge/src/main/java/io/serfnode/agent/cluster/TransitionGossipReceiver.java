package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.SerfStream;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.serf.rpc.StreamFilter;
import io.serfnode.agent.support.ComponentLog;
import java.util.Arrays;
import java.util.Objects;

/**
 * Hands every {@code serfnode.sv} event serf delivers to {@link ClusterChildren}. A payload that cannot be
 * read (another tool using the name, a newer version) is logged with the reason and skipped.
 */
public final class TransitionGossipReceiver {
    private static final int EXCERPT_BYTES = 80;

    private final ClusterChildren children;
    private final TransitionCodec codec;
    private final ComponentLog log;

    public TransitionGossipReceiver(String member, ClusterChildren children, TransitionCodec codec) {
        this.children = Objects.requireNonNull(children, "children");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.log = ComponentLog.of(member, "sv-gossip");
    }

    /** Subscribes to the events on {@code rpc}; call again with the new client after a reconnect. */
    public SerfStream start(SerfRpc rpc) {
        return rpc.stream(StreamFilter.user(ClusterNames.TRANSITION_EVENT), new StreamCallback<>() {
            @Override
            public void onNext(StreamEvent event) {
                if (event instanceof StreamEvent.UserEvent user) {
                    receive(user);
                }
            }

            @Override
            public void onError(Throwable error) {
                log.warn("the stream of %s events broke: %s", ClusterNames.TRANSITION_EVENT, error.getMessage());
            }
        });
    }

    /** Decodes one event and applies it; false when it was skipped. */
    public boolean receive(StreamEvent.UserEvent event) {
        ChildTransition transition;
        try {
            transition = codec.decode(event.payload());
        } catch (ClusterPayloadException e) {
            log.warn("skipped %s event with Lamport time %d: %s; payload starts %s", event.name(), event.ltime(),
                    e.getMessage(), excerpt(event.payload()));
            return false;
        }
        children.apply(transition);
        return true;
    }

    private static String excerpt(byte[] payload) {
        if (payload == null) {
            return "(none)";
        }
        byte[] start = Arrays.copyOf(payload, Math.min(payload.length, EXCERPT_BYTES));
        StringBuilder text = new StringBuilder("'");
        for (byte b : start) {
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return text.append(payload.length > EXCERPT_BYTES ? "'..." : "'").toString();
    }
}
