package io.serfnode.bench.soak;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long and how hard the soak runs.
 *
 * @param duration         the churn phase (members spawned and killed, children crashed, events raised)
 * @param members          members running at any time (the first {@code members - churnSlots} stay)
 * @param churnSlots       spawned members (each a JVM of its own) replaced in turn: one is killed and a new one
 *                         spawned every {@code churnEvery}
 * @param churnEvery       time between two member replacements
 * @param crashEvery       time between two child crashes (SIGKILL of a random member's {@code worker})
 * @param eventsPerSecond  user events raised per second, from the staying members in turn
 * @param sampleEvery      time between two memory samples
 * @param settle           after the churn, how long the stand-in may take to receive the last transitions
 * @param inFlightWindow   transitions a spawned member made this long before its SIGKILL are counted apart
 * @param consoleClassPath the JavaFX console's class path (its jar, JavaFX, Monocle)
 * @param out              where the CSV, the plot and the summary go
 * @param forgetFailedAfter the staying members' serf reconnect timeout: a killed member is forgotten (reaped)
 *                         this long after it failed, with what every member kept about it
 */
record SoakSettings(Duration duration, int members, int churnSlots, Duration churnEvery, Duration crashEvery,
                    int eventsPerSecond, Duration sampleEvery, Duration settle, Duration inFlightWindow,
                    String consoleClassPath, Path out, Duration forgetFailedAfter) {

    static final SoakSettings ISSUE = new SoakSettings(Duration.ofMinutes(30), 10, 3, Duration.ofSeconds(30),
            Duration.ofSeconds(3), 10, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(5),
            null, Path.of("bench/target/soak"), Duration.ofMinutes(5));

    SoakSettings {
        if (members < 2 || churnSlots < 1 || churnSlots >= members) {
            throw new IllegalArgumentException("the soak needs at least 2 members and 1 to " + (members - 1)
                    + " churn slots; found " + members + " members, " + churnSlots + " churn slots");
        }
        if (duration.isNegative() || duration.isZero() || eventsPerSecond < 0) {
            throw new IllegalArgumentException("duration must be positive and events per second not negative; found "
                    + duration + ", " + eventsPerSecond);
        }
    }

    SoakSettings withDuration(Duration value) {
        return new SoakSettings(value, members, churnSlots, churnEvery, crashEvery, eventsPerSecond, sampleEvery,
                settle, inFlightWindow, consoleClassPath, out, forgetFailedAfter);
    }

    SoakSettings withMembers(int value) {
        return new SoakSettings(duration, value, churnSlots, churnEvery, crashEvery, eventsPerSecond, sampleEvery,
                settle, inFlightWindow, consoleClassPath, out, forgetFailedAfter);
    }

    SoakSettings withChurnSlots(int value) {
        return new SoakSettings(duration, members, value, churnEvery, crashEvery, eventsPerSecond, sampleEvery,
                settle, inFlightWindow, consoleClassPath, out, forgetFailedAfter);
    }

    SoakSettings withEventsPerSecond(int value) {
        return new SoakSettings(duration, members, churnSlots, churnEvery, crashEvery, value, sampleEvery,
                settle, inFlightWindow, consoleClassPath, out, forgetFailedAfter);
    }

    SoakSettings withChurnEvery(Duration value) {
        return new SoakSettings(duration, members, churnSlots, value, crashEvery, eventsPerSecond, sampleEvery,
                settle, inFlightWindow, consoleClassPath, out, forgetFailedAfter);
    }

    SoakSettings withConsoleClassPath(String value) {
        return new SoakSettings(duration, members, churnSlots, churnEvery, crashEvery, eventsPerSecond, sampleEvery,
                settle, inFlightWindow, value, out, forgetFailedAfter);
    }

    SoakSettings withOut(Path value) {
        return new SoakSettings(duration, members, churnSlots, churnEvery, crashEvery, eventsPerSecond, sampleEvery,
                settle, inFlightWindow, consoleClassPath, value, forgetFailedAfter);
    }

    SoakSettings withForgetFailedAfter(Duration value) {
        return new SoakSettings(duration, members, churnSlots, churnEvery, crashEvery, eventsPerSecond, sampleEvery,
                settle, inFlightWindow, consoleClassPath, out, value);
    }
}
