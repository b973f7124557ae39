package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.Require;
import java.util.List;

/**
 * What a {@code query} command collected before its timeout.
 *
 * @param acks      members that acknowledged receipt (only when acknowledgements were requested)
 * @param responses the answers, in arrival order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"acks", "responses"})
public record QueryAnswers(
        @JsonProperty("acks") List<String> acks,
        @JsonProperty("responses") List<QueryResponse> responses) implements CommandValue {

    public static final String KIND = "query-answers";

    public QueryAnswers {
        acks = Require.listOf(acks, "acks");
        responses = Require.listOf(responses, "responses");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
