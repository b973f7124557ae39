package io.serfnode.bench.console;

import io.serfnode.agent.api.ws.WsLimits;
import java.nio.file.Path;

/**
 * What the ingest benchmark feeds the console.
 *
 * @param members           members in the snapshot
 * @param childrenPerMember children of each member
 * @param eventsPerSecond   the rate of live events after the snapshot
 * @param seconds           how long the live events flow
 * @param queueLimit        messages the agent queues for the console before it drops them and resyncs it
 *                          ({@code lagged}, then a fresh snapshot); the agent's default unless asked otherwise
 * @param out               where results, raw pulses and the plot are written
 */
record IngestSettings(int members, int childrenPerMember, double eventsPerSecond, double seconds, int queueLimit,
                      Path out) {

    IngestSettings {
        if (members < 1 || childrenPerMember < 0) {
            throw new IllegalArgumentException("--ingest-cluster: needs at least one member and no negative children, was "
                    + members + "x" + childrenPerMember);
        }
        if (!(eventsPerSecond > 0) || !(seconds > 0)) {
            throw new IllegalArgumentException("--rate and --ingest-seconds must be positive, were " + eventsPerSecond
                    + " and " + seconds);
        }
        if (queueLimit < 1) {
            throw new IllegalArgumentException("--queue-limit must be at least 1, was " + queueLimit);
        }
    }

    /** The goal of issue 5: 1,000 members with 5,000 children, then 20,000 events/s, here for 30 s. */
    static IngestSettings defaults() {
        return new IngestSettings(1000, 5, 20_000, 30, WsLimits.DEFAULT.queueLimit(), Path.of("bench/console/target/ingest-bench"));
    }

    IngestSettings withCluster(Scenario scenario) {
        return new IngestSettings(scenario.members(), scenario.childrenPerMember(), eventsPerSecond, seconds, queueLimit, out);
    }

    IngestSettings withEventsPerSecond(double value) {
        return new IngestSettings(members, childrenPerMember, value, seconds, queueLimit, out);
    }

    IngestSettings withSeconds(double value) {
        return new IngestSettings(members, childrenPerMember, eventsPerSecond, value, queueLimit, out);
    }

    IngestSettings withQueueLimit(int value) {
        return new IngestSettings(members, childrenPerMember, eventsPerSecond, seconds, value, out);
    }

    IngestSettings withOut(Path value) {
        return new IngestSettings(members, childrenPerMember, eventsPerSecond, seconds, queueLimit, value);
    }
}
