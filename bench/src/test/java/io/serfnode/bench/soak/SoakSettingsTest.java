package io.serfnode.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakSettingsTest {

    @Test
    void theIssuePresetIsThirtyMinutesOfTenMembersAndTenEventsPerSecond() {
        assertThat(SoakSettings.ISSUE.duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(SoakSettings.ISSUE.members()).isEqualTo(10);
        assertThat(SoakSettings.ISSUE.eventsPerSecond()).isEqualTo(10);
        assertThat(SoakSettings.ISSUE.sampleEvery()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void rejectsAsManyChurnSlotsAsMembersNamingBoth() {
        assertThatThrownBy(() -> SoakSettings.ISSUE.withMembers(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 members, 3 churn slots");
    }
}
