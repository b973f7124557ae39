package io.serfnode.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.model.InvalidValueException;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.SpawnedMembers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageRulesTest {

    @Test
    void resumesEitherFromASeqOrFromCountersButNotBoth() {
        assertThatThrownBy(() -> new ResumeMessage("s", 3L, Map.of("web-1", 2L)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("counters: give either 'fromSeq' or 'counters', not both");
    }

    @Test
    void needsTheStreamToResumeFromASeq() {
        assertThatThrownBy(() -> new ResumeMessage(null, 3L, null))
                .isInstanceOf(InvalidValueException.class)
                .extracting(failure -> ((InvalidValueException) failure).field()).isEqualTo("streamId");
        assertThatThrownBy(() -> new ResumeMessage("s", null, null))
                .isInstanceOf(InvalidValueException.class)
                .extracting(failure -> ((InvalidValueException) failure).field()).isEqualTo("fromSeq");
    }

    @Test
    void treatsEmptyCountersAsAFreshStart() {
        assertThat(ResumeMessage.fromCounters(Map.of())).isEqualTo(ResumeMessage.fresh());
    }

    @Test
    void givesAnErrorExactlyWhenTheOutcomeIsNotOk() {
        assertThatThrownBy(() -> new ResultMessage("c", CommandOutcome.OK, null, "oops"))
                .hasMessage("error: must be absent when the outcome is ok");
        assertThatThrownBy(() -> new ResultMessage("c", CommandOutcome.FAILED, null, null))
                .hasMessage("error: is required but missing or null");
        assertThatThrownBy(() -> new ResultMessage("c", CommandOutcome.FAILED,
                new SpawnedMembers(java.util.List.of("a")), "half done"))
                .hasMessage("value: is only given when the outcome is ok");
        assertThat(ResultMessage.ok("c").isOk()).isTrue();
    }

    @Test
    void limitsCommandIds() {
        assertThatThrownBy(() -> new CommandMessage("x".repeat(129), new io.serfnode.model.command.LeaveMember("m")))
                .hasMessage("id: must be at most 128 characters, found 129");
    }

    @Test
    void startsEventSequencesAtOne() {
        assertThatThrownBy(() -> new EventMessage(0, Samples.events().get(0)))
                .hasMessage("seq: must be at least 1, found 0");
    }
}
