package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a successful command hands back, for the commands that hand back more than success. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = QueryAnswers.class, name = QueryAnswers.KIND),
        @JsonSubTypes.Type(value = SpawnedMembers.class, name = SpawnedMembers.KIND),
        @JsonSubTypes.Type(value = ViewReport.class, name = ViewReport.KIND)
})
public sealed interface CommandValue permits QueryAnswers, SpawnedMembers, ViewReport {
    String kind();
}
