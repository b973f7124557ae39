package io.serfnode.agent.devif;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeveloperTagsTest {

    @Test
    void readsStartTimeAsEpochSecondsWithFractionOrAsInstant() {
        assertThat(DeveloperTags.startedAt(with("timestamp", "1433884800.25")))
                .contains(Instant.ofEpochSecond(1433884800, 250_000_000));
        assertThat(DeveloperTags.startedAt(with("timestamp", "2015-06-09T21:20:00Z")))
                .contains(Instant.parse("2015-06-09T21:20:00Z"));
        assertThat(DeveloperTags.startedAt(with("timestamp", "yesterday"))).isEmpty();
        assertThat(DeveloperTags.startedAt(with("timestamp", "1e400000000"))).isEmpty();
        assertThat(DeveloperTags.startedAt(with("timestamp", "1e-400000000"))).isEmpty();
    }

    @Test
    void fallsBackToTheSerfAddressWhenTheServiceTagIsNotAnAddress() {
        assertThat(DeveloperTags.serviceIp(with("service", "10.0.0.5"))).isEqualTo("10.0.0.5");
        assertThat(DeveloperTags.serviceIp(with("service", "fd00::5"))).isEqualTo("fd00::5");
        assertThat(DeveloperTags.serviceIp(with("service", "evil name"))).isEqualTo("127.0.0.2");
    }

    @Test
    void ignoresServicePortsThatAreNotPorts() {
        assertThat(DeveloperTags.servicePort(with("service_port", "8080"))).hasValue(8080);
        assertThat(DeveloperTags.servicePort(with("service_port", "70000"))).isEmpty();
        assertThat(DeveloperTags.servicePort(with("service_port", "http"))).isEmpty();
    }

    @Test
    void decodesTheOriginalPortsTagAndSkipsWhatItCannotRead() {
        assertThat(DeveloperTags.ports(with("ports", "80t8080,8081|53u5353|garbage|")))
                .isEqualTo(Map.of("80/tcp", List.of("8080", "8081"), "53/udp", List.of("5353")));
        assertThat(DeveloperTags.ports(Member.plain("p", "127.0.0.2", 7946, MemberStatus.ALIVE))).isEmpty();
    }

    private static Member with(String tag, String value) {
        return new Member("m", "127.0.0.2", 7946, Map.of(tag, value), MemberStatus.ALIVE);
    }
}
