package io.serfnode.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void comparesByContent() {
        assertThat(Payload.of("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(Payload.ofText("abc"))
                .hasSameHashCodeAs(Payload.ofText("abc"));
    }

    @Test
    void exposesUtf8BytesAsText() {
        assertThat(Payload.ofText("grüße ✓").asText()).contains("grüße ✓");
    }

    @Test
    void hasNoTextForBytesThatAreNotUtf8() {
        Payload binary = Payload.of(new byte[] {(byte) 0xc3, 0x28});

        assertThat(binary.asText()).isEmpty();
        assertThat(binary.isText()).isFalse();
        assertThat(binary.toString()).isEqualTo("Payload[base64:wyg=]");
    }

    @Test
    void cannotBeChangedThroughItsBytes() {
        byte[] bytes = {1, 2, 3};
        Payload payload = Payload.of(bytes);
        bytes[0] = 9;
        payload.bytes()[1] = 9;

        assertThat(payload.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void treatsNoBytesAsEmpty() {
        assertThat(Payload.of(new byte[0])).isSameAs(Payload.EMPTY);
        assertThat(Payload.ofText("")).isSameAs(Payload.EMPTY);
        assertThat(Payload.EMPTY.isEmpty()).isTrue();
        assertThat(Payload.EMPTY.asText()).contains("");
    }
}
