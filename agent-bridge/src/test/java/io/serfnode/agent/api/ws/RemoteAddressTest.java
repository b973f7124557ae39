package io.serfnode.agent.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class RemoteAddressTest {

    @Test
    void writesHostAndPortAndReadsTheHostBack() {
        String v4 = RemoteAddress.format(new InetSocketAddress("127.0.0.1", 53422));
        String v6 = RemoteAddress.format(new InetSocketAddress("::1", 53422));

        assertThat(v4).isEqualTo("127.0.0.1:53422");
        assertThat(RemoteAddress.host(v4)).isEqualTo("127.0.0.1");
        assertThat(v6).isEqualTo("[0:0:0:0:0:0:0:1]:53422");
        assertThat(RemoteAddress.host(v6)).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(RemoteAddress.host("somewhere")).isEqualTo("somewhere");
    }
}
