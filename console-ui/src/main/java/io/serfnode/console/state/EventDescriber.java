package io.serfnode.console.state;

import io.serfnode.model.Payload;
import io.serfnode.model.SupervisorState;
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
import java.util.HashMap;
import java.util.Map;

/**
 * Turns events into log rows an operator can read at a glance. A busy cluster fills the log with tens of
 * thousands of rows a minute, so rows share strings: the member's and child's names the cluster state already
 * holds, and one text per kind of supervisor transition.
 */
final class EventDescriber {
    /** Long payloads would make rows unreadable and CSV files huge; the full bytes stay in the event. */
    static final int MAX_PAYLOAD_CHARS = 160;
    /** Transition texts kept; exit codes and attempts vary, yet nearly every row is one of a few texts. */
    private static final int KEPT_TRANSITIONS = 4096;

    /** What the cluster state knows about a member or child an event names. */
    interface KnownNames {
        /** The member's roles as rows show them, or empty. */
        String rolesOf(String member);

        /** The state's own copy of the member's name, or {@code member} itself when unknown. */
        String member(String member);

        /** The state's own copy of the child's name, or {@code child} itself when unknown. */
        String child(String member, String child);
    }

    private record Transition(SupervisorState from, SupervisorState to, Integer exitCode, int attempt) {
    }

    private final KnownNames names;
    private final Map<Transition, String> transitions = new HashMap<>();

    EventDescriber(KnownNames names) {
        this.names = names;
    }

    EventRow describe(SequencedEvent sequenced) {
        ClusterEvent event = sequenced.event();
        String member = memberOf(event);
        String roles = "";
        if (!member.isEmpty()) {
            roles = names.rolesOf(member);
            member = names.member(member);
        }
        String child = childOf(event);
        if (!child.isEmpty()) {
            child = names.child(member, child);
        }
        String details = event instanceof SupervisorStateChanged change ? transitionText(change) : details(event);
        return new EventRow(sequenced.seq(), event.time(), event.kind(), member, child, roles == null ? "" : roles,
                details);
    }

    private String transitionText(SupervisorStateChanged change) {
        Transition key = new Transition(change.from(), change.to(), change.exitCode(), change.attempt());
        String text = transitions.get(key);
        if (text == null) {
            if (transitions.size() >= KEPT_TRANSITIONS) {
                transitions.clear();
            }
            text = details(change);
            transitions.put(key, text);
        }
        return text;
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
