package io.serfnode.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void countsBytesNotCharactersNearTheLimit() {
        assertThat(Utf8.overLimit("a".repeat(10), 10)).as("ASCII up to the limit fits").isZero();
        assertThat(Utf8.overLimit("a".repeat(11), 10)).isEqualTo(11);
        assertThat(Utf8.overLimit("é".repeat(5), 10)).as("5 two-byte characters").isZero();
        assertThat(Utf8.overLimit("é".repeat(6), 10)).isEqualTo(12);
        assertThat(Utf8.overLimit("€".repeat(4), 10)).as("4 three-byte characters").isEqualTo(12);
        assertThat(Utf8.overLimit("😀".repeat(2), 8)).as("2 surrogate pairs, 4 bytes each").isZero();
        assertThat(Utf8.overLimit("😀".repeat(3), 8)).isGreaterThan(8);
    }

    @Test
    void acceptsShortTextAndRefusesLongTextWithoutCounting() {
        assertThat(Utf8.overLimit("€".repeat(3), 9)).as("a third of the limit fits whatever it holds").isZero();
        assertThat(Utf8.overLimit("a".repeat(1_000), 999)).isEqualTo(1_000);
    }
}
