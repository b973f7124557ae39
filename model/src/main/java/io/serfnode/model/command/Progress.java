package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A partial answer to a command that is still running: a query's acknowledgements and responses as they
 * arrive, the steps of a longer command. On the wire an object whose {@code kind} names the variant.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = QueryAckProgress.class, name = QueryAckProgress.KIND),
        @JsonSubTypes.Type(value = QueryResponseProgress.class, name = QueryResponseProgress.KIND),
        @JsonSubTypes.Type(value = StepProgress.class, name = StepProgress.KIND)
})
public sealed interface Progress permits QueryAckProgress, QueryResponseProgress, StepProgress {
    String kind();
}
