package io.serfnode.agent.api.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of spawned members, compact enough for a query response even for a hundred of them: spawned names
 * are {@code <role>-<n>}, so the prefix once and the numbers.
 *
 * @param prefix  what every name starts with
 * @param numbers what follows the prefix, name by name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"p", "n"})
record SpawnedNames(@JsonProperty("p") String prefix, @JsonProperty("n") List<Long> numbers) {

    static SpawnedNames of(List<String> names) {
        String prefix = names.getFirst().substring(0, names.getFirst().lastIndexOf('-') + 1);
        List<Long> numbers = new ArrayList<>();
        for (String name : names) {
            if (!name.startsWith(prefix)) {
                throw new IllegalArgumentException("spawned member '" + name + "' does not start with '" + prefix + "'");
            }
            numbers.add(Long.parseLong(name.substring(prefix.length())));
        }
        return new SpawnedNames(prefix, numbers);
    }

    List<String> names() {
        return numbers.stream().map(number -> prefix + number).toList();
    }
}
