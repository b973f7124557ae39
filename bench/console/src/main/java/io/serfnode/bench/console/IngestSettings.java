package io.serfnode.bench.console;

import java.nio.file.Path;

/**
 * What the ingest benchmark feeds the console.
 *
 * @param members           members in the snapshot
 * @param childrenPerMember children of each member
 * @param eventsPerSecond   the rate of live events after the snapshot
 * @param seconds           how long the live events flow
 * @param out               where results, raw pulses and the plot are written
 */
record IngestSettings(int members, int childrenPerMember, double eventsPerSecond, double seconds, Path out) {

    IngestSettings {
        if (members < 1 || childrenPerMember < 0) {
            throw new IllegalArgumentException("--ingest-cluster: needs at least one member and no negative children, was "
                    + members + "x" + childrenPerMember);
        }
        if (!(eventsPerSecond > 0) || !(seconds > 0)) {
            throw new IllegalArgumentException("--rate and --ingest-seconds must be positive, were " + eventsPerSecond
                    + " and " + seconds);
        }
    }

    /** The goal of issue 5: 1,000 members with 5,000 children, then 20,000 events/s, here for 30 s. */
    static IngestSettings defaults() {
        return new IngestSettings(1000, 5, 20_000, 30, Path.of("bench/console/target/ingest-bench"));
    }

    IngestSettings withCluster(Scenario scenario) {
        return new IngestSettings(scenario.members(), scenario.childrenPerMember(), eventsPerSecond, seconds, out);
    }

    IngestSettings withEventsPerSecond(double value) {
        return new IngestSettings(members, childrenPerMember, value, seconds, out);
    }

    IngestSettings withSeconds(double value) {
        return new IngestSettings(members, childrenPerMember, eventsPerSecond, value, out);
    }

    IngestSettings withOut(Path value) {
        return new IngestSettings(members, childrenPerMember, eventsPerSecond, seconds, value);
    }
}
