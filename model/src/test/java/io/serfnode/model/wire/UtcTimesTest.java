package io.serfnode.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcTimesTest {
    @Test
    void readsTheTimesTheAgentWritesExactly() {
        Random random = new Random(8);
        for (int i = 0; i < 5_000; i++) {
            Instant time = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    });
            Instant read = UtcTimes.parse(time.toString());
            assertThat(read == null ? Instant.parse(time.toString()) : read).as(time.toString()).isEqualTo(time);
        }
        assertThat(UtcTimes.parse("2025-01-31T12:00:01.250Z"))
                .isEqualTo(Instant.parse("2025-01-31T12:00:01.250Z"));
        assertThat(UtcTimes.parse("2024-02-29T23:59:59.5Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
        assertThat(UtcTimes.parse("2025-02-29T00:00:00Z")).isNull();
        assertThat(UtcTimes.parse("2025-01-31T24:00:00Z")).isNull();
        assertThat(UtcTimes.parse("2025-01-31T12:00:00.Z")).isNull();
        assertThat(UtcTimes.parse("2025-01-31T12:00:00.1234567890Z")).isNull();
        assertThat(UtcTimes.parse("+12025-01-31T12:00:00Z")).isNull();
    }
}
