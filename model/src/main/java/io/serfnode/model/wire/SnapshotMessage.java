package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.serfnode.model.Member;
import io.serfnode.model.Require;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.SequencedEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole picture as the agent knows it; live {@code event}s with a higher {@code seq} follow.
 *
 * @param seq          the last seq of this agent's stream included in the picture (0 when none yet)
 * @param members      every member serf knows, in any status
 * @param children     per member name, its children and their states (members without children, or
 *                     without Serfnode, are absent)
 * @param recentEvents the latest events, oldest first, for the client's event log
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"seq", "members", "children", "recentEvents"})
public record SnapshotMessage(
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "seq", required = true) long seq,
        @JsonProperty("members") List<Member> members,
        @JsonProperty("children") Map<String, List<SupervisedChild>> children,
        @JsonProperty("recentEvents") List<SequencedEvent> recentEvents) implements ServerMessage {

    public static final String TYPE = "snapshot";

    public SnapshotMessage {
        Require.notNegative(seq, "seq");
        members = Require.listOf(members, "members");
        children = Require.mapOf(children, "children");
        children.forEach((member, list) -> Require.listOf(list, "children." + member));
        children = copyLists(children);
        recentEvents = Require.listOf(recentEvents, "recentEvents");
    }

    private static Map<String, List<SupervisedChild>> copyLists(Map<String, List<SupervisedChild>> children) {
        var copy = new LinkedHashMap<String, List<SupervisedChild>>();
        children.forEach((member, list) -> copy.put(member, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
