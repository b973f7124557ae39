package io.serfnode.console.state;

import io.serfnode.model.Payload;
import io.serfnode.model.command.ChildCommand;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.ForceLeave;
import io.serfnode.model.command.LeaveMember;
import io.serfnode.model.command.SendQuery;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.TriggerEvent;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.CommandAudit;
import io.serfnode.model.event.MembershipEvent;
import io.serfnode.model.event.QueryEvent;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import java.util.function.Function;

/** Turns events into log rows an operator can read at a glance. */
final class EventDescriber {
    /** Long payloads would make rows unreadable and CSV files huge; the full bytes stay in the event. */
    static final int MAX_PAYLOAD_CHARS = 160;

    private EventDescriber() {
    }

    static EventRow describe(SequencedEvent sequenced, Function<String, String> rolesOfMember) {
        ClusterEvent event = sequenced.event();
        String member = memberOf(event);
        String roles = member.isEmpty() ? "" : rolesOfMember.apply(member);
        return new EventRow(sequenced.seq(), event.time(), event.kind(), member, childOf(event),
                roles == null ? "" : roles, details(event));
    }

    private static String memberOf(ClusterEvent event) {
        return switch (event) {
            case MembershipEvent membership -> membership.member().name();
            case SupervisorStateChanged change -> change.member();
            case CommandAudit audit -> targetMember(audit.command());
            case UserEvent ignored -> "";
            case QueryEvent ignored -> "";
        };
    }

    private static String childOf(ClusterEvent event) {
        if (event instanceof SupervisorStateChanged change) {
            return change.child();
        }
        if (event instanceof CommandAudit audit && audit.command() instanceof ChildCommand command) {
            return command.child();
        }
        return "";
    }

    private static String details(ClusterEvent event) {
        return switch (event) {
            case MembershipEvent membership -> membership.member().status().serfName() + " "
                    + membership.member().address() + ":" + membership.member().port()
                    + (membership.member().roles().isEmpty() ? "" : " " + String.join(" ", membership.member().roles()));
            case SupervisorStateChanged change -> change.from() + " → " + change.to()
                    + (change.exitCode() == null ? "" : " (exit " + change.exitCode() + ")")
                    + (change.attempt() > 0 ? " attempt " + change.attempt() : "");
            case UserEvent user -> user.name() + payloadText(user.payload()) + (user.coalesce() ? " (coalesce)" : "");
            case QueryEvent query -> query.name() + payloadText(query.payload());
            case CommandAudit audit -> audit.command().kind() + " " + audit.outcome().wireName()
                    + commandDetail(audit.command())
                    + (audit.detail() == null ? "" : ": " + audit.detail()) + " (from " + audit.client() + ")";
        };
    }

    private static String targetMember(Command command) {
        return switch (command) {
            case ChildCommand child -> child.member();
            case LeaveMember leave -> leave.member();
            case ForceLeave force -> force.member();
            default -> "";
        };
    }

    private static String commandDetail(Command command) {
        return switch (command) {
            case TriggerEvent trigger -> " " + trigger.name();
            case SendQuery query -> " " + query.name();
            case SpawnMember spawn -> " " + (spawn.template() != null ? spawn.template() : "like " + spawn.likeMember())
                    + " ×" + spawn.count();
            default -> "";
        };
    }

    private static String payloadText(Payload payload) {
        if (payload.isEmpty()) {
            return "";
        }
        String text = payload.asText().map(t -> t.replace('\n', ' ').replace('\r', ' '))
                .orElseGet(() -> "<" + payload.size() + " bytes>");
        return " " + (text.length() > MAX_PAYLOAD_CHARS ? text.substring(0, MAX_PAYLOAD_CHARS) + "…" : text);
    }
}
