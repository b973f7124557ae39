package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberLogTest {

    @Test
    void readsTheFirstLineAndSerfRunningFromAnAgentLog() {
        MemberLog log = MemberLog.ofAgentLog(List.of(
                "WARNING: A restricted method in java.lang.System has been called",
                "18:04:45.063 INFO    [web-2][ws] WebSocket API listening on ws://127.0.0.9:34203/v1/cluster",
                "18:04:45.126 INFO    [web-2][serf] started serf agent pid 32292: bind 127.0.0.9:35393",
                "18:04:45.203 INFO    [web-2][serf] serf agent running (pid 32292), gossip on 127.0.0.9:35393",
                "18:04:45.382 INFO    [web-2][membership] member-join web-2 127.0.0.9 roles=[web]"),
                LocalDate.of(2026, 11, 21), ZoneOffset.UTC);

        assertThat(log.firstLine()).contains(Instant.parse("2026-11-21T18:04:45.063Z"));
        assertThat(log.serfRunning()).contains(Instant.parse("2026-11-21T18:04:45.203Z"));
    }

    @Test
    void readsTheEnginesTimesFromAContainersOutput() {
        MemberLog log = MemberLog.ofDockerLogs(List.of(
                "2026-11-21T18:04:52.100000000Z Picked up JAVA_TOOL_OPTIONS: -XX:+UseSerialGC",
                "2026-11-21T18:04:53.512345678Z 18:04:53.511 INFO    [web-3][agent] starting member web-3",
                "2026-11-21T18:04:53.700000000Z 18:04:53.699 INFO    [web-3][serf] serf agent running (pid 37)"));

        assertThat(log.firstLine()).contains(Instant.parse("2026-11-21T18:04:53.512345678Z"));
        assertThat(log.serfRunning()).contains(Instant.parse("2026-11-21T18:04:53.700Z"));
    }

    @Test
    void aMemberThatLoggedNothingHasNoMoments() {
        MemberLog log = MemberLog.ofAgentLog(List.of(), LocalDate.of(2026, 11, 21), ZoneOffset.UTC);

        assertThat(log).isEqualTo(MemberLog.NONE);
        assertThat(MemberLog.millisAfter(Instant.EPOCH, log.firstLine())).isNaN();
    }

    @Test
    void measuresFromTheClickInMilliseconds() {
        assertThat(MemberLog.millisAfter(Instant.parse("2026-11-21T18:04:41.000Z"),
                Optional.of(Instant.parse("2026-11-21T18:04:44.250500Z")))).isEqualTo(3250.5);
    }
}
