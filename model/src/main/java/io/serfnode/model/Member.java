package io.serfnode.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One serf member as the cluster sees it. Roles are not stored: they are read from the {@code role} tag,
 * so they can never disagree with it. On the wire {@code roles} is written for convenience and ignored
 * on input.
 *
 * @param name    the serf node name, unique in the cluster
 * @param address the gossip IP address as text (IPv4 or IPv6)
 * @param port    the gossip port
 * @param tags    the member's serf tags (empty for plain serf members)
 * @param status  the serf status
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = {"roles"}, allowGetters = true, ignoreUnknown = true)
@JsonPropertyOrder({"name", "address", "port", "status", "roles", "tags"})
public record Member(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "address", required = true) String address,
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "port", required = true) int port,
        @JsonProperty("tags") Map<String, String> tags,
        @JsonProperty(value = "status", required = true) MemberStatus status) {

    public Member {
        Require.text(name, "name");
        Require.text(address, "address");
        if (port < 0 || port > 65535) {
            throw new InvalidValueException("port", "must be between 0 and 65535, found " + port);
        }
        tags = Require.mapOf(tags, "tags");
        Require.present(status, "status");
    }

    /** A member without tags, as a plain serf agent appears. */
    public static Member plain(String name, String address, int port, MemberStatus status) {
        return new Member(name, address, port, Map.of(), status);
    }

    /** The roles from the {@code role} tag, in tag order; empty for a member without one. */
    @JsonProperty("roles")
    public List<String> roles() {
        return SerfTags.roles(tags);
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** {@code host:port} of the member's WebSocket API, when it runs Serfnode and advertises one. */
    @JsonIgnore
    public Optional<String> wsAddress() {
        return SerfTags.wsAddress(tags);
    }

    public Member withStatus(MemberStatus newStatus) {
        return new Member(name, address, port, tags, newStatus);
    }

    public Member withTags(Map<String, String> newTags) {
        return new Member(name, address, port, newTags, status);
    }
}
