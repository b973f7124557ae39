package io.serfnode.agent.api.command;

import io.serfnode.agent.serf.rpc.SerfLimitExceededException;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.model.command.TriggerEvent;
import java.util.Objects;
import java.util.function.Supplier;

/** Fires an operator's user event, after checking it against serf's size limit. */
final class EventTrigger {
    private final Supplier<SerfRpc> rpc;

    EventTrigger(Supplier<SerfRpc> rpc) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
    }

    Outcome trigger(TriggerEvent event) {
        SerfRpc serf = rpc.get();
        byte[] payload = event.payload().bytes();
        SerfLimits limits = serf.config().limits();
        try {
            limits.checkUserEvent(event.name(), payload);
        } catch (SerfLimitExceededException tooLarge) {
            int maxPayload = limits.maxUserEventPayload(event.name());
            return Outcome.rejected("event '" + event.name() + "' is too large for serf: " + tooLarge.getMessage()
                    + (maxPayload >= 0
                    ? "; with this name the payload may be at most " + maxPayload + " bytes, it is " + payload.length
                    : "; the name alone is too long"));
        }
        try {
            serf.event(event.name(), payload, event.coalesce());
            return Outcome.ok();
        } catch (RuntimeException e) {
            return Outcome.failed("serf did not send event '" + event.name() + "': " + e.getMessage());
        }
    }
}
