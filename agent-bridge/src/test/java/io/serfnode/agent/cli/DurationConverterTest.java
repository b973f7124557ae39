package io.serfnode.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsDurationsAsSerfWritesThem() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(converter.convert(" 1M ")).isEqualTo(Duration.ofMinutes(1));
        assertThat(converter.convert("24h")).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void refusesWhatIsNotAPositiveDurationSayingHowToWriteOne() {
        assertThatThrownBy(() -> converter.convert("2"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'2' is not a duration: write a whole number and a unit, like 500ms, 2s, 1m or 1h");
        assertThatThrownBy(() -> converter.convert("1.5s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("0s")).hasMessage("'0s' is zero; the duration must be positive");
    }
}
