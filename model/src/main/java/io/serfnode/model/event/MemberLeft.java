package io.serfnode.model.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.Member;
import io.serfnode.model.Require;
import java.time.Instant;

/** A member left the cluster gracefully. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"time", "member"})
public record MemberLeft(
        @JsonProperty(value = "time", required = true) Instant time,
        @JsonProperty(value = "member", required = true) Member member) implements MembershipEvent {

    public static final String KIND = "member-leave";

    public MemberLeft {
        Require.present(time, "time");
        Require.present(member, "member");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
