package io.serfnode.model.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.Member;
import io.serfnode.model.Require;
import java.time.Instant;

/** A left or failed member was removed from the member list for good. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"time", "member"})
public record MemberReaped(
        @JsonProperty(value = "time", required = true) Instant time,
        @JsonProperty(value = "member", required = true) Member member) implements MembershipEvent {

    public static final String KIND = "member-reap";

    public MemberReaped {
        Require.present(time, "time");
        Require.present(member, "member");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
