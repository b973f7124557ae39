package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Payload;
import io.serfnode.model.Require;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends a serf query and collects the answers.
 *
 * @param name        the query name; must not start with {@code serfnode.}
 * @param payload     the query's bytes (empty when absent)
 * @param filterNodes only these members answer (empty: no filter)
 * @param filterTags  only members whose tag matches the regular expression answer, per tag (empty: no filter)
 * @param timeout     how long to collect answers (absent: serf's default); written as {@code timeoutMs}
 * @param requestAck  ask members to acknowledge receipt as well as answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "payload", "filterNodes", "filterTags", "timeoutMs", "requestAck"})
public record SendQuery(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("payload") Payload payload,
        @JsonProperty("filterNodes") List<String> filterNodes,
        @JsonProperty("filterTags") Map<String, String> filterTags,
        @JsonProperty("timeoutMs") Duration timeout,
        @JsonProperty("requestAck") boolean requestAck) implements Command {

    public static final String KIND = "query";
    /** Longer queries would hold a console waiting for answers that serf has long stopped collecting. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    public SendQuery {
        EventNames.operatorName(name, "name");
        payload = payload == null ? Payload.EMPTY : payload;
        filterNodes = Require.listOf(filterNodes, "filterNodes");
        filterTags = Require.mapOf(filterTags, "filterTags");
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0)) {
            throw new InvalidValueException("timeoutMs",
                    "must be between 1 and " + MAX_TIMEOUT.toMillis() + " milliseconds, found " + timeout.toMillis());
        }
    }

    /** A query to every member, with serf's default timeout and no acknowledgements. */
    public static SendQuery toAll(String name, Payload payload) {
        return new SendQuery(name, payload, List.of(), Map.of(), null, false);
    }

    public SendQuery withFilterNodes(List<String> nodes) {
        return new SendQuery(name, payload, nodes, filterTags, timeout, requestAck);
    }

    public SendQuery withFilterTags(Map<String, String> tags) {
        return new SendQuery(name, payload, filterNodes, tags, timeout, requestAck);
    }

    public SendQuery withTimeout(Duration newTimeout) {
        return new SendQuery(name, payload, filterNodes, filterTags, newTimeout, requestAck);
    }

    public SendQuery withRequestAck(boolean ack) {
        return new SendQuery(name, payload, filterNodes, filterTags, timeout, ack);
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
