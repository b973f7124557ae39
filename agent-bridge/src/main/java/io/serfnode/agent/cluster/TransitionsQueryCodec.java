package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.SerfLimits;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The payloads of {@code serfnode.transitions}: the request names a range of counters, the answer packs as
 * many of the held transitions in it as fit one query response (measured with {@link SerfLimits}'s exact size
 * of the response message) and says where the next page starts. Transitions travel as in {@code serfnode.sv},
 * without the child's summary (the asker knows it from gossip or from the member's children); with names
 * within {@link ClusterNames#MAX_NAME_BYTES} every transition fits a page under the default limit.
 */
public final class TransitionsQueryCodec {
    public static final int VERSION = 1;

    private final SerfLimits limits;

    public TransitionsQueryCodec(SerfLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public static TransitionsQueryCodec withDefaultLimits() {
        return new TransitionsQueryCodec(SerfLimits.DEFAULTS);
    }

    public byte[] encodeRequest(long first, long last) {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("transition counters " + first + " to " + last
                    + " are not a range (counters start at 1)");
        }
        return write(new TransitionsRequest(VERSION, first, last));
    }

    /** The range of counters the request wants. */
    public TransitionsRequest decodeRequest(byte[] payload) {
        TransitionsRequest request = read(payload, TransitionsRequest.class, "request");
        if (request.version() != VERSION) {
            throw new ClusterPayloadException(ClusterNames.TRANSITIONS_QUERY + " request version "
                    + request.version() + " is not the version this agent answers (" + VERSION + ")");
        }
        if (request.first() < 1 || request.last() < request.first()) {
            throw new ClusterPayloadException(ClusterNames.TRANSITIONS_QUERY + " request: counters 'f' "
                    + request.first() + " to 'l' " + request.last() + " are not a range (counters start at 1)");
        }
        return request;
    }

    /**
     * The answer page with the first of {@code held} (all within the requested range, in counter order).
     *
     * @param responder  this member's node name, which serf puts into the response
     * @param queryLtime the query's Lamport time (negative when unknown: the largest is assumed)
     */
    public byte[] encodePage(String responder, long queryLtime, RecentTransitions.Slice held) {
        List<TransitionPayload> packed = new ArrayList<>();
        List<ChildTransition> transitions = held.transitions();
        int index = 0;
        while (index < transitions.size()) {
            ChildTransition transition = transitions.get(index);
            packed.add(TransitionCodec.payloadOf(new ChildTransition(transition.event(), transition.runtime(), null)));
            if (!fits(responder, queryLtime, new TransitionsPage(VERSION, held.oldestHeld(), Long.MAX_VALUE, packed))) {
                packed.removeLast();
                if (packed.isEmpty()) {
                    throw new IllegalStateException("transition " + transition.counter() + " does not fit one "
                            + ClusterNames.TRANSITIONS_QUERY + " response of " + limits.queryResponseSizeLimit()
                            + " bytes");
                }
                break;
            }
            index++;
        }
        Long next = index < transitions.size() ? transitions.get(index).counter() : null;
        byte[] payload = write(new TransitionsPage(VERSION, held.oldestHeld(), next, packed));
        limits.checkQueryResponse(queryLtime, responder, payload);
        return payload;
    }

    /**
     * Reads the page {@code member} answered.
     *
     * @throws ClusterPayloadException naming what is wrong, for anything but a valid page of this version
     *                                 with {@code member}'s own transitions in counter order
     */
    public TransitionsPageAnswer decodePage(String member, byte[] payload) {
        TransitionsPage page = read(payload, TransitionsPage.class, "answer of " + member);
        String where = ClusterNames.TRANSITIONS_QUERY + " answer of " + member;
        if (page.version() != VERSION) {
            throw new ClusterPayloadException(where + ": version " + page.version()
                    + " is not the version this agent reads (" + VERSION + ")");
        }
        if (page.oldestHeld() < 0) {
            throw new ClusterPayloadException(where + ": oldest counter 'o' must not be negative, was "
                    + page.oldestHeld());
        }
        List<ChildTransition> transitions = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < page.transitions().size(); i++) {
            TransitionPayload entry = page.transitions().get(i);
            if (entry == null) {
                throw new ClusterPayloadException(where + ": transition " + i + " is null");
            }
            ChildTransition transition;
            try {
                transition = TransitionCodec.transitionOf(entry);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new ClusterPayloadException(where + ": transition " + i + ": " + e.getMessage(), e);
            }
            if (!transition.member().equals(member)) {
                throw new ClusterPayloadException(where + ": transition " + i + " is of member '"
                        + ClusterNames.shorten(transition.member()) + "', not of the member that answered");
            }
            if (transition.counter() <= previous) {
                throw new ClusterPayloadException(where + ": transition " + i + " has counter "
                        + transition.counter() + ", not after the one before (" + previous + ")");
            }
            previous = transition.counter();
            transitions.add(transition);
        }
        if (page.next() != null && page.next() <= previous) {
            throw new ClusterPayloadException(where + ": next counter " + page.next()
                    + " is not after the last transition of the page (" + previous + ")");
        }
        OptionalLong next = page.next() == null ? OptionalLong.empty() : OptionalLong.of(page.next());
        return new TransitionsPageAnswer(member, page.oldestHeld(), next, transitions);
    }

    private boolean fits(String responder, long queryLtime, TransitionsPage page) {
        return SerfLimits.encodedQueryResponseSize(queryLtime, responder, write(page))
                <= limits.queryResponseSizeLimit();
    }

    private static <T> T read(byte[] payload, Class<T> type, String what) {
        return ClusterJson.read(payload, type, ClusterNames.TRANSITIONS_QUERY, what);
    }

    private static byte[] write(Object value) {
        return ClusterJson.write(value);
    }
}
