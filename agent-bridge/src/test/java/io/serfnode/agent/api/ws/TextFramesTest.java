package io.serfnode.agent.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextFramesTest {

    @Test
    void framesAShortTextWithItsLengthInTheSecondByte() {
        byte[] frame = TextFrames.of("héllo");

        assertThat(frame).startsWith(0x81, 6);
        assertThat(new String(frame, 2, 6, StandardCharsets.UTF_8)).isEqualTo("héllo");
    }

    @Test
    void framesAMediumTextWithASixteenBitLength() {
        byte[] frame = TextFrames.of("x".repeat(300));

        assertThat(frame).hasSize(4 + 300).startsWith(0x81, 126, 0x01, 0x2C);
    }

    @Test
    void framesALargeTextWithASixtyFourBitLength() {
        char[] big = new char[70_000];
        Arrays.fill(big, 'y');

        byte[] frame = TextFrames.of(new String(big));

        assertThat(frame).hasSize(10 + 70_000).startsWith(0x81, 127, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70);
    }
}
