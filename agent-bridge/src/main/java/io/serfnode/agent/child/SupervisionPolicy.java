package io.serfnode.agent.child;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * supervisord's rules for one child.
 *
 * @param autorestart  whether a child that exited from RUNNING is started again
 * @param exitCodes    the exit codes that count as expected (for {@link AutoRestart#UNEXPECTED})
 * @param startSecs    how long a child must stay up after starting to count as RUNNING
 * @param startRetries how many failed starts in a row are retried (after 1 s, 2 s, 3 s …) before FATAL
 * @param stopSignal   the signal that asks the child to stop (TERM, INT, QUIT, HUP, KILL, USR1, USR2)
 * @param stopWait     how long a stopping child gets before it is killed
 */
public record SupervisionPolicy(
        AutoRestart autorestart,
        Set<Integer> exitCodes,
        Duration startSecs,
        int startRetries,
        String stopSignal,
        Duration stopWait) {

    /** supervisord's defaults: autorestart unexpected, exitcodes [0], startsecs 1, startretries 3, TERM, 10 s. */
    public static final SupervisionPolicy DEFAULTS = new SupervisionPolicy(
            AutoRestart.UNEXPECTED, Set.of(0), Duration.ofSeconds(1), 3, "TERM", Duration.ofSeconds(10));

    public SupervisionPolicy {
        Objects.requireNonNull(autorestart, "autorestart");
        exitCodes = Set.copyOf(Objects.requireNonNull(exitCodes, "exitCodes"));
        Objects.requireNonNull(startSecs, "startSecs");
        Objects.requireNonNull(stopSignal, "stopSignal");
        Objects.requireNonNull(stopWait, "stopWait");
        if (startSecs.isNegative()) {
            throw new IllegalArgumentException("startsecs must not be negative: " + startSecs);
        }
        if (startRetries < 0) {
            throw new IllegalArgumentException("startretries must not be negative: " + startRetries);
        }
        if (stopWait.isNegative()) {
            throw new IllegalArgumentException("stopwaitsecs must not be negative: " + stopWait);
        }
    }

    public boolean isExpected(int exitCode) {
        return exitCodes.contains(exitCode);
    }

    /** Whether a child that exited from RUNNING with {@code exitCode} is started again. */
    public boolean restartsAfter(int exitCode) {
        return switch (autorestart) {
            case TRUE -> true;
            case FALSE -> false;
            case UNEXPECTED -> !isExpected(exitCode);
        };
    }

    public SupervisionPolicy withAutorestart(AutoRestart value) {
        return new SupervisionPolicy(value, exitCodes, startSecs, startRetries, stopSignal, stopWait);
    }

    public SupervisionPolicy withExitCodes(Set<Integer> value) {
        return new SupervisionPolicy(autorestart, value, startSecs, startRetries, stopSignal, stopWait);
    }

    public SupervisionPolicy withStartSecs(Duration value) {
        return new SupervisionPolicy(autorestart, exitCodes, value, startRetries, stopSignal, stopWait);
    }

    public SupervisionPolicy withStartRetries(int value) {
        return new SupervisionPolicy(autorestart, exitCodes, startSecs, value, stopSignal, stopWait);
    }

    public SupervisionPolicy withStopSignal(String value) {
        return new SupervisionPolicy(autorestart, exitCodes, startSecs, startRetries, value, stopWait);
    }

    public SupervisionPolicy withStopWait(Duration value) {
        return new SupervisionPolicy(autorestart, exitCodes, startSecs, startRetries, stopSignal, value);
    }
}
