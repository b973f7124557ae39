package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "fe80::1", "::ffff:127.0.0.1"})
    void recognisesIpAddresses(String text) {
        assertThat(Addresses.isIpAddress(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "256.0.0.1", "1.2.3", "01.2.3.4", "", ":::", "1.2.3.4:80"})
    void refusesWhatIsNoIpAddressWithoutAskingDns(String text) {
        assertThat(Addresses.isIpAddress(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:7946", "seed", "seed.example.org:7946", "[::1]:7946", "::1",
            "[fe80::1]"})
    void acceptsJoinAddresses(String address) {
        assertThat(Addresses.joinAddressProblem(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host:", "host:0", "host:65536", "bad host", "[::1]7946", "[nope]:1", "-lead.example"})
    void refusesBadJoinAddresses(String address) {
        assertThat(Addresses.joinAddressProblem(address)).isPresent();
    }

    @Test
    void readsPortsWithinTheirRange() {
        assertThat(Addresses.port("0", 0)).contains(0);
        assertThat(Addresses.port("0", 1)).isEmpty();
        assertThat(Addresses.port("65535", 1)).contains(65535);
        assertThat(Addresses.port("99999999999", 1)).isEmpty();
        assertThat(Addresses.port("+80", 1)).isEmpty();
    }
}
