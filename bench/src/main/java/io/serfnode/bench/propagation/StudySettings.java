package io.serfnode.bench.propagation;

import io.serfnode.agent.serf.process.SerfProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the study runs.
 *
 * @param sizes            cluster sizes, run in this order
 * @param profiles         serf timing profiles, each with every size
 * @param eventsPerPayload user events per payload size and cell
 * @param payloadSizes     user event payload sizes in bytes (each at least 8: the event's id)
 * @param failures         kill -9 trials per cell
 * @param leaves           graceful-leave trials per cell
 * @param eventPause       quiet time after an event reached everyone, so events do not share gossip rounds
 * @param eventTimeout     how long an event may take to reach everyone before it counts as missing somewhere
 * @param memberTimeout    the same for a failure or a leave
 * @param out              where results (one JSON file per cell) go
 */
public record StudySettings(
        List<Integer> sizes,
        List<SerfProfile> profiles,
        int eventsPerPayload,
        List<Integer> payloadSizes,
        int failures,
        int leaves,
        Duration eventPause,
        Duration eventTimeout,
        Duration memberTimeout,
        Path out) {

    public StudySettings {
        sizes = List.copyOf(sizes);
        profiles = List.copyOf(profiles);
        payloadSizes = List.copyOf(payloadSizes);
        for (int size : sizes) {
            if (size < 3 || size > 250 * 250) {
                throw new IllegalArgumentException("study settings: a cluster size must be 3 or more, was " + size);
            }
        }
        for (int payload : payloadSizes) {
            if (payload < Long.BYTES) {
                throw new IllegalArgumentException("study settings: a payload must be at least " + Long.BYTES
                        + " bytes (it carries the event id), was " + payload);
            }
        }
        if (eventsPerPayload < 0 || failures < 0 || leaves < 0) {
            throw new IllegalArgumentException("study settings: trial counts must not be negative");
        }
    }

    /** N = 5, 10, 25, 50 on LAN and local; 10 events per payload; 5 failures and 5 leaves per cell. */
    public static StudySettings defaults(Path out, List<Integer> payloadSizes) {
        return new StudySettings(List.of(5, 10, 25, 50), List.of(SerfProfile.LAN, SerfProfile.LOCAL), 10, payloadSizes,
                5, 5, Duration.ofMillis(400), Duration.ofSeconds(20), Duration.ofSeconds(120), out);
    }

    public StudySettings withSizes(List<Integer> value) {
        return new StudySettings(value, profiles, eventsPerPayload, payloadSizes, failures, leaves, eventPause,
                eventTimeout, memberTimeout, out);
    }

    public StudySettings withProfiles(List<SerfProfile> value) {
        return new StudySettings(sizes, value, eventsPerPayload, payloadSizes, failures, leaves, eventPause,
                eventTimeout, memberTimeout, out);
    }

    public StudySettings withEventsPerPayload(int value) {
        return new StudySettings(sizes, profiles, value, payloadSizes, failures, leaves, eventPause, eventTimeout,
                memberTimeout, out);
    }

    public StudySettings withFailures(int value) {
        return new StudySettings(sizes, profiles, eventsPerPayload, payloadSizes, value, leaves, eventPause,
                eventTimeout, memberTimeout, out);
    }

    public StudySettings withLeaves(int value) {
        return new StudySettings(sizes, profiles, eventsPerPayload, payloadSizes, failures, value, eventPause,
                eventTimeout, memberTimeout, out);
    }
}
