package io.serfnode.bench.propagation;

import io.serfnode.agent.serf.rpc.SerfMember;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.serf.rpc.StreamEvent;
import java.nio.ByteBuffer;

/** One member's stream: stamps each user event and member event with the time it arrived. */
final class SightingRecorder implements StreamCallback<StreamEvent> {
    static final String EVENT_NAME = "bench.prop";

    private final String observer;
    private final Sightings sightings;

    SightingRecorder(String observer, Sightings sightings) {
        this.observer = observer;
        this.sightings = sightings;
    }

    static String eventKey(long id) {
        return "event:" + id;
    }

    static String memberKey(String type, String member) {
        return type + ":" + member;
    }

    @Override
    public void onNext(StreamEvent record) {
        long now = System.nanoTime();
        switch (record) {
            case StreamEvent.UserEvent event when EVENT_NAME.equals(event.name()) && event.payload() != null
                    && event.payload().length >= Long.BYTES ->
                    sightings.record(eventKey(ByteBuffer.wrap(event.payload()).getLong()), observer, now);
            case StreamEvent.MemberEvent event -> {
                for (SerfMember member : event.members()) {
                    sightings.record(memberKey(event.type().wireName(), member.name()), observer, now);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        System.err.println("propagation: stream of " + observer + " broke: " + error.getMessage());
    }
}
