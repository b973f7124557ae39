package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns Jackson's failures into {@link WireFormatException}s a peer can act on: the field as a path, what
 * was expected in JSON terms, what was found, and where. Jackson's own messages name Java types, so they
 * are not passed on.
 */
final class WireErrors {
    private static final Pattern START_MARKER =
            Pattern.compile("\\s*\\(start marker at \\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*\\]");
    private static final Pattern MISSING_CREATOR_PROPERTY =
            Pattern.compile("^Missing required creator property '([^']+)'");

    private final ObjectMapper mapper;

    WireErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    WireFormatException malformed(String field, String problem, String inReplyTo) {
        return new WireFormatException(ErrorCode.MALFORMED, field, problem, null, null, inReplyTo);
    }

    WireFormatException translate(JsonProcessingException failure, JsonNode tree, String inReplyTo) {
        JsonLocation location = failure.getLocation();
        Integer line = location != null && location.getLineNr() > 0 ? location.getLineNr() : null;
        Integer column = location != null && location.getColumnNr() > 0 ? location.getColumnNr() : null;
        Problem problem = describe(failure, tree);
        return new WireFormatException(ErrorCode.MALFORMED, problem.field(), problem.text(), line, column,
                inReplyTo);
    }

    private record Problem(String field, String text) {
    }

    private Problem describe(JsonProcessingException failure, JsonNode tree) {
        if (failure instanceof StreamConstraintsException) {
            return new Problem(null, "too deeply nested or too long: " + firstLine(failure.getOriginalMessage()));
        }
        if (failure instanceof StreamReadException) {
            return new Problem(null, "not valid JSON: " + parserMessage(failure.getOriginalMessage()));
        }
        if (!(failure instanceof JsonMappingException mapping)) {
            return new Problem(null, "could not be read: " + firstLine(failure.getOriginalMessage()));
        }
        List<JsonMappingException.Reference> path = mapping.getPath();
        String at = render(path);
        if (mapping instanceof InvalidTypeIdException typeId) {
            Class<?> base = typeId.getBaseType().getRawClass();
            String field = join(at, discriminator(base));
            String expected = "expected one of " + String.join(", ", subtypeNames(base));
            if (typeId.getTypeId() == null) {
                return new Problem(field, "is required but missing; " + expected);
            }
            return new Problem(field, expected + ", found \"" + Excerpt.of(typeId.getTypeId()) + "\"");
        }
        if (mapping instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            if (cause instanceof InvalidValueException invalid) {
                return new Problem(join(at, invalid.field()), invalid.problem());
            }
            return new Problem(blankToNull(at), "is not valid: "
                    + (cause == null ? "rejected" : firstLine(cause.getMessage())));
        }
        if (mapping instanceof WireJsonModule.BadValueException bad) {
            return new Problem(blankToNull(at), bad.getOriginalMessage());
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            Matcher missing = MISSING_CREATOR_PROPERTY.matcher(String.valueOf(mismatch.getOriginalMessage()));
            if (missing.find()) {
                // Jackson sometimes has already put the missing property at the end of the path
                String name = missing.group(1);
                boolean named = !path.isEmpty() && name.equals(path.get(path.size() - 1).getFieldName());
                return new Problem(named ? at : join(at, name), "is required but missing");
            }
            return new Problem(blankToNull(at), "expected " + expected(mismatch.getTargetType())
                    + ", found " + found(navigate(tree, path)));
        }
        return new Problem(blankToNull(at), "is not valid here");
    }

    /** Jackson's parser messages are plain enough, except where they quote their input source. */
    private static String parserMessage(String text) {
        String message = START_MARKER.matcher(firstLine(text))
                .replaceAll(" (the object or array opened at line $1, column $2)");
        return SOURCE.matcher(message).replaceAll("the message");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable input";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String render(List<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                text.append('[').append(reference.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    private static String join(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private static String blankToNull(String path) {
        return path.isEmpty() ? null : path;
    }

    private static String discriminator(Class<?> base) {
        JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
        return info == null ? "type" : info.property();
    }

    static List<String> subtypeNames(Class<?> base) {
        JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
        if (subtypes == null) {
            return List.of();
        }
        return Arrays.stream(subtypes.value()).map(JsonSubTypes.Type::name).toList();
    }

    private String expected(Class<?> target) {
        if (target == null) {
            return "another kind of value";
        }
        if (target == String.class) {
            return "a string";
        }
        if (List.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class).contains(target)) {
            return "an integer";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
            return "a number";
        }
        if (target.isEnum()) {
            return "one of " + Arrays.stream(target.getEnumConstants())
                    .map(constant -> mapper.convertValue(constant, String.class))
                    .collect(Collectors.joining(", "));
        }
        if (target == Instant.class) {
            return "a UTC time in ISO-8601 form such as \"2025-01-31T12:00:00Z\"";
        }
        if (target == Duration.class) {
            return "an integer number of milliseconds";
        }
        if (target == Payload.class) {
            return "a string, or an object with a string field 'base64'";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(target)) {
            return "an object";
        }
        return "an object";
    }

    private static JsonNode navigate(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode node = tree;
        for (JsonMappingException.Reference reference : path) {
            if (node == null) {
                return null;
            }
            if (reference.getFieldName() != null) {
                node = node.get(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                node = node.get(reference.getIndex());
            }
        }
        return node;
    }

    static String found(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "a string \"" + Excerpt.of(node.asText()) + "\"";
        }
        if (node.isIntegralNumber()) {
            return "the integer " + node.asText();
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "an array" : "an object";
    }
}
