package io.serfnode.agent.devif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one line of the {@code parent} FIFO: a JSON array {@code ["event-name", payload]} where the payload
 * is any JSON value and may be left out ({@code ["event-name"]}). The payload is passed on as compact JSON,
 * UTF-8, as the original Serfnode did ({@code json.dumps(payload)}); a left-out payload is empty.
 */
final class ParentLineParser {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final byte[] NO_PAYLOAD = new byte[0];

    private ParentLineParser() {
    }

    static ParentLine parse(String line) {
        if (line.isBlank()) {
            return new ParentLine.Blank();
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(line);
        } catch (JsonProcessingException notJson) {
            return new ParentLine.Rejected("not JSON: " + notJson.getOriginalMessage());
        }
        if (tree == null || !tree.isArray()) {
            return new ParentLine.Rejected("expected a JSON array [\"event-name\", payload], found "
                    + (tree == null ? "nothing" : withArticle(typeOf(tree))));
        }
        if (tree.isEmpty() || tree.size() > 2) {
            return new ParentLine.Rejected("expected [\"event-name\", payload] (one or two elements), found "
                    + tree.size() + " elements");
        }
        JsonNode name = tree.get(0);
        if (!name.isTextual()) {
            return new ParentLine.Rejected("the event name (first element) must be a string, found "
                    + withArticle(typeOf(name)));
        }
        Optional<String> problem = EventNameRules.childEventProblem(name.textValue());
        if (problem.isPresent()) {
            return new ParentLine.Rejected(problem.get());
        }
        byte[] payload = tree.size() == 2 ? compact(tree.get(1)) : NO_PAYLOAD;
        return new ParentLine.Event(name.textValue(), payload);
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String withArticle(String type) {
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    private static byte[] compact(JsonNode payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException impossibleForATree) {
            throw new IllegalStateException("cannot write a parsed JSON value back", impossibleForATree);
        }
    }
}
