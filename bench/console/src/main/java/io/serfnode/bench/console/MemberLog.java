package io.serfnode.bench.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Two moments of a new member's own start, read from its log, that split the spawner's {@code created} to
 * {@code joined} span: its agent's first log line (the JVM is up and the agent has read its configuration) and
 * its serf agent running. A process member's log is its {@code agent.log} (lines start {@code HH:mm:ss.SSS} in the
 * machine's zone); a container's is {@code docker logs --timestamps} (each line prefixed with the engine's
 * RFC 3339 time).
 *
 * @param firstLine   when the agent logged its first line, if it did
 * @param serfRunning when it logged that its serf agent runs, if it did
 */
record MemberLog(Optional<Instant> firstLine, Optional<Instant> serfRunning) {
    private static final String SERF_RUNNING = "[serf] serf agent running";
    // the agent's own lines: the JVM's and libraries' lines (a "Picked up JAVA_TOOL_OPTIONS") have no such start
    private static final Pattern OWN_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");

    static final MemberLog NONE = new MemberLog(Optional.empty(), Optional.empty());

    /** Moments of an {@code agent.log}, its times of day taken on {@code day} in {@code zone}. */
    static MemberLog ofAgentLog(List<String> lines, LocalDate day, ZoneId zone) {
        return of(lines, line -> {
            if (!OWN_LINE.matcher(line).find()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalTime.parse(line.substring(0, 12)).atDate(day).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Moments of {@code docker logs --timestamps} output. */
    static MemberLog ofDockerLogs(List<String> lines) {
        return of(lines, line -> {
            int space = line.indexOf(' ');
            if (space < 0 || !OWN_LINE.matcher(line.substring(space + 1)).find()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Instant.parse(line.substring(0, space)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static MemberLog of(List<String> lines, Function<String, Optional<Instant>> time) {
        Optional<Instant> first = Optional.empty();
        Optional<Instant> serf = Optional.empty();
        for (String line : lines) {
            Optional<Instant> at = time.apply(line);
            if (at.isEmpty()) {
                continue; // a line a library wrote without our prefix
            }
            if (first.isEmpty()) {
                first = at;
            }
            if (line.contains(SERF_RUNNING)) {
                serf = at;
                break;
            }
        }
        return new MemberLog(first, serf);
    }

    /** Milliseconds from {@code click} to the moment, NaN when it is unknown. */
    static double millisAfter(Instant click, Optional<Instant> moment) {
        return moment.map(m -> Duration.between(click, m).toNanos() / 1e6).orElse(Double.NaN);
    }
}
