package io.serfnode.agent.serf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SerfAddressTest {
    @Test
    void parsesIpv4HostAndPort() {
        assertThat(SerfAddress.parse("127.0.0.2:7946")).isEqualTo(SerfAddress.of("127.0.0.2", 7946));
    }

    @Test
    void parsesBracketedIpv6AndPrintsItBack() {
        SerfAddress address = SerfAddress.parse("[::1]:7373");

        assertThat(address.host()).isEqualTo("::1");
        assertThat(address).hasToString("[::1]:7373");
    }

    @Test
    void acceptsHostNames() {
        assertThat(SerfAddress.parse("serf-1.example.org:7946").host()).isEqualTo("serf-1.example.org");
    }

    @Test
    void rejectsPortOutsideTheValidRange() {
        assertThatThrownBy(() -> SerfAddress.of("127.0.0.2", 70000))
                .hasMessageContaining("127.0.0.2:70000")
                .hasMessageContaining("port 70000 is outside 1..65535");
        assertThatThrownBy(() -> SerfAddress.of("127.0.0.2", 0)).hasMessageContaining("outside 1..65535");
    }

    @Test
    void rejectsIpv4PartAbove255() {
        assertThatThrownBy(() -> SerfAddress.parse("999.0.0.1:7946"))
                .hasMessageContaining("'999.0.0.1'")
                .hasMessageContaining("'999' is not a number in 0..255");
    }

    @Test
    void rejectsAddressWithoutPort() {
        assertThatThrownBy(() -> SerfAddress.parse("127.0.0.2")).hasMessageContaining("expected host:port");
    }

    @Test
    void rejectsPortThatIsNotANumber() {
        assertThatThrownBy(() -> SerfAddress.parse("127.0.0.2:gossip")).hasMessageContaining("port 'gossip' is not a number");
    }

    @Test
    void rejectsUnbracketedIpv6() {
        assertThatThrownBy(() -> SerfAddress.parse("::1:7946")).hasMessageContaining("brackets");
    }

    @Test
    void rejectsHostWithSpaces() {
        assertThatThrownBy(() -> SerfAddress.of("my host", 7946)).hasMessageContaining("neither an IP address nor a valid host name");
    }
}
