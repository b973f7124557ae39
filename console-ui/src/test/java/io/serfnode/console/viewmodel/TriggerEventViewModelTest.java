package io.serfnode.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.Payload;
import io.serfnode.model.command.TriggerEvent;
import org.junit.jupiter.api.Test;

class TriggerEventViewModelTest {
    private final FakeClusterSession session = new FakeClusterSession();
    private final ManualUiThread ui = new ManualUiThread();
    private final TriggerEventViewModel trigger = new TriggerEventViewModel(session::send, ui, UserEventSize.DEFAULT);

    @Test
    void countsNameAndPayloadBytesAsTheOperatorTypes() {
        trigger.nameProperty().set("deploy");
        trigger.payloadProperty().set("grüße");

        assertThat(trigger.usedBytesProperty().get()).isEqualTo(6 + 7);
        assertThat(trigger.byteCountProperty().get()).isEqualTo("13 / 474 bytes");
        assertThat(trigger.sendableProperty().get()).isTrue();
    }

    @Test
    void refusesAnEventOverSerfsLimitAndSaysByHowMuch() {
        trigger.nameProperty().set("deploy");
        trigger.payloadProperty().set("x".repeat(470));

        assertThat(trigger.sendableProperty().get()).isFalse();
        assertThat(trigger.problemProperty().get()).isEqualTo("Name and payload are 2 bytes over Serf's limit of 474 bytes.");
        trigger.trigger();
        assertThat(session.sent).isEmpty();
    }

    @Test
    void acceptsAnEventExactlyAtTheLimit() {
        trigger.nameProperty().set("deploy");
        trigger.payloadProperty().set("x".repeat(468));

        assertThat(trigger.sendableProperty().get()).isTrue();
    }

    @Test
    void refusesReservedAndMissingNames() {
        assertThat(trigger.problemProperty().get()).isEqualTo("Name the event.");

        trigger.nameProperty().set("serfnode.sv");

        assertThat(trigger.problemProperty().get()).contains("reserved for Serfnode itself");
        assertThat(trigger.sendableProperty().get()).isFalse();
    }

    @Test
    void sendsTheEventAndReportsTheResult() {
        trigger.nameProperty().set("deploy");
        trigger.payloadProperty().set("{\"version\":\"1.2\"}");
        trigger.coalesceProperty().set(true);

        trigger.trigger();
        assertThat(trigger.sendableProperty().get()).isFalse();
        session.lastCommandListener().onComplete(io.serfnode.model.wire.ResultMessage.ok("c-1"));
        ui.pulse();

        assertThat(session.sent).containsExactly(new TriggerEvent("deploy", Payload.ofText("{\"version\":\"1.2\"}"), true));
        assertThat(trigger.actionProperty().get().message()).isEqualTo("Sent deploy");
        assertThat(trigger.sendableProperty().get()).isTrue();
    }
}
