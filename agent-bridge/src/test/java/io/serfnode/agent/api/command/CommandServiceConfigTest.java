package io.serfnode.agent.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandServiceConfigTest {

    @Test
    void leavesTheActingMemberTheRelayTimeoutLessTheAnswersMargin() {
        assertThat(CommandServiceConfig.defaults().actionWait()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void refusesAMarginThatLeavesTheActingMemberNoTime() {
        assertThatThrownBy(() -> CommandServiceConfig.defaults().withAnswerMargin(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("answerMargin (10000 ms) must be shorter than relayTimeout (10000 ms)");
        assertThatThrownBy(() -> CommandServiceConfig.defaults().withRelayAttempts(0))
                .hasMessage("relayAttempts must be at least 1, was 0");
        assertThatThrownBy(() -> CommandResponderConfig.defaults().withMaxWait(Duration.ZERO))
                .hasMessage("maxWait must be positive, was PT0S");
    }
}
