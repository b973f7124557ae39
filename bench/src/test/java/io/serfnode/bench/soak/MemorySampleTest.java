package io.serfnode.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemorySampleTest {
    private static final MemorySample SAMPLE = new MemorySample(600, 21.5, 64, 310.2, 180, 152.3, 3, 540.0, 60.0,
            250.5, 18.2, 40.0, 31, 10, 4200, 6000, 9.75);

    @Test
    void readsBackTheCsvLineItWrites() {
        assertThat(MemorySample.parse(SAMPLE.csv())).isEqualTo(SAMPLE);
    }

    @Test
    void writesAsManyFieldsAsTheHeaderNames() {
        assertThat(SAMPLE.csv().split(",")).hasSameSizeAs(MemorySample.CSV_HEADER.split(","));
    }

    @Test
    void averagesTheSpawnedMembersMemoryPerMember() {
        assertThat(SAMPLE.spawnedRssPerMemberMb()).isEqualTo(180.0);
        assertThat(SAMPLE.spawnedHeapPerMemberMb()).isEqualTo(20.0);
    }

    @Test
    void rejectsALineWithAMissingFieldNamingTheLine() {
        assertThatThrownBy(() -> MemorySample.parse("600,21.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 17 fields")
                .hasMessageContaining("'600,21.5'");
    }
}
