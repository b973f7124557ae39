package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.serfnode.model.ProtocolVersion;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Encodes and decodes the WebSocket messages of protocol {@link ProtocolVersion#CURRENT}. Strict on input
 * (no coercion of strings to numbers, no duplicate fields, no trailing text) but tolerant of fields it
 * does not know, so newer peers can add fields. Thread-safe.
 */
public final class WireCodec {
    static final String TYPE_FIELD = "type";
    static final String VERSION_FIELD = "v";

    private final WireLimits limits;
    private final ObjectMapper mapper;
    private final WireErrors errors;
    // trailing text is reported here, with its position, rather than as a binding failure
    private final ObjectReader treeReader;

    public WireCodec() {
        this(WireLimits.DEFAULT);
    }

    public WireCodec(WireLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.mapper = newMapper(limits);
        this.errors = new WireErrors(mapper);
        this.treeReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public WireLimits limits() {
        return limits;
    }

    private static ObjectMapper newMapper(WireLimits limits) {
        int largest = Math.max(limits.maxClientMessageBytes(), limits.maxServerMessageBytes());
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(largest)
                        .maxNumberLength(32)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new WireJsonModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // optional primitives read null as absent; required ones refuse null with @JsonSetter
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // only explicitly named properties travel; helper methods such as isOk() stay off the wire
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.NONE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /**
     * Builds the readers and writers of every message type and of every value a message carries now, rather
     * than on the first message of each type. The first snapshot of a session is the largest message a client
     * reads, and building them while it waits costs a good part of a second; a caller with time to spare (a
     * console building its window, an agent starting its API) calls this on another thread. Idempotent and
     * thread-safe.
     */
    public void prepare() {
        SerializerProvider serializers = mapper.getSerializerProviderInstance();
        for (Class<?> type : WireTypes.reachableFrom(ServerMessage.class, ClientMessage.class)) {
            try {
                mapper.readerFor(type);
                serializers.findTypedValueSerializer(type, true, null);
            } catch (JsonProcessingException | IllegalArgumentException notBuilt) {
                // built on first use instead, with the error a message of that type would give
            }
        }
    }

    /** The JSON text of a server message, with {@code type} and {@code v} first. */
    public String encode(ServerMessage message) {
        return write(message);
    }

    /**
     * The JSON text of a client message, with {@code type} and {@code v} first.
     *
     * @throws IllegalArgumentException when the text would exceed the client frame limit, which the agent
     *                                  would refuse
     */
    public String encode(ClientMessage message) {
        String text = write(message);
        int bytes = Utf8.overLimit(text, limits.maxClientMessageBytes());
        if (bytes > 0) {
            throw new IllegalArgumentException("the " + message.type() + " message is " + bytes
                    + " bytes; the limit for client messages is " + limits.maxClientMessageBytes() + " bytes");
        }
        return text;
    }

    /** Reads a message a client sent; refuses text longer than {@link WireLimits#maxClientMessageBytes()}. */
    public ClientMessage decodeClient(String text) throws WireFormatException {
        return decode(text, ClientMessage.class, limits.maxClientMessageBytes());
    }

    /** Reads a message an agent sent; refuses text longer than {@link WireLimits#maxServerMessageBytes()}. */
    public ServerMessage decodeServer(String text) throws WireFormatException {
        return decode(text, ServerMessage.class, limits.maxServerMessageBytes());
    }

    private String write(Object message) {
        Objects.requireNonNull(message, "message");
        Class<?> base = message instanceof ServerMessage ? ServerMessage.class : ClientMessage.class;
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = new VersionStampingGenerator(mapper.createGenerator(text))) {
            mapper.writerFor(base).writeValue(out, message);
        } catch (IOException impossible) {
            throw new UncheckedIOException("a " + base.getSimpleName() + " could not be written", impossible);
        }
        return text.toString();
    }

    private <T> T decode(String text, Class<T> type, int maxBytes) throws WireFormatException {
        if (text == null) {
            throw errors.malformed(null, "empty message; expected a JSON object", null);
        }
        int bytes = Utf8.overLimit(text, maxBytes);
        if (bytes > 0) {
            throw new WireFormatException(ErrorCode.TOO_LARGE, null, "message is longer than the limit of "
                    + maxBytes + " bytes (at least " + bytes + " bytes)", null, null, null);
        }
        if (opensWithTypeAndThisVersion(text)) {
            // what this codec writes: bound in one pass, no tree
            try {
                return mapper.readerFor(type).readValue(text);
            } catch (JsonProcessingException invalid) {
                // the checks below find what is wrong and say where
            } catch (IOException unreadable) {
                throw new UncheckedIOException("reading from a string failed", unreadable);
            }
        }
        JsonNode tree = readTree(text);
        if (tree == null || tree.isMissingNode()) {
            throw errors.malformed(null, "empty message; expected a JSON object", null);
        }
        if (!tree.isObject()) {
            throw errors.malformed(null, "expected a JSON object, found " + WireErrors.found(tree), null);
        }
        String inReplyTo = commandId(tree);
        checkVersion(tree, inReplyTo);
        try {
            return mapper.readerFor(type).readValue(text);
        } catch (JsonProcessingException invalid) {
            throw errors.translate(invalid, tree, inReplyTo);
        }
    }

    /** The text opens with {@code {"type": "…", "v": 1} (in either order), as every message this codec writes. */
    private boolean opensWithTypeAndThisVersion(String text) {
        try (JsonParser in = mapper.createParser(text)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean type = false;
            boolean version = false;
            for (int field = 0; field < 2; field++) {
                String name = in.nextFieldName();
                JsonToken value = in.nextToken();
                if (TYPE_FIELD.equals(name) && value == JsonToken.VALUE_STRING) {
                    type = true;
                } else if (VERSION_FIELD.equals(name) && value == JsonToken.VALUE_NUMBER_INT
                        && in.getNumberType() == JsonParser.NumberType.INT
                        && in.getIntValue() == ProtocolVersion.CURRENT) {
                    version = true;
                } else {
                    return false;
                }
            }
            return type && version;
        } catch (IOException notThisForm) {
            return false;
        }
    }

    private JsonNode readTree(String text) throws WireFormatException {
        try (JsonParser parser = mapper.createParser(text)) {
            JsonNode tree = treeReader.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new WireFormatException(ErrorCode.MALFORMED, null,
                        "not valid JSON: more text after the end of the message", at.getLineNr(), at.getColumnNr(),
                        null);
            }
            return tree;
        } catch (JsonProcessingException notJson) {
            throw errors.translate(notJson, null, null);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("reading from a string failed", unreadable);
        }
    }

    private static String commandId(JsonNode tree) {
        JsonNode id = tree.get("id");
        boolean isCommand = CommandMessage.TYPE.equals(tree.path(TYPE_FIELD).asText(null));
        return isCommand && id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    private void checkVersion(JsonNode tree, String inReplyTo) throws WireFormatException {
        JsonNode version = tree.get(VERSION_FIELD);
        if (version == null) {
            return;
        }
        if (!version.isIntegralNumber()) {
            throw errors.malformed(VERSION_FIELD, "expected the integer protocol version "
                    + ProtocolVersion.CURRENT + ", found " + WireErrors.found(version), inReplyTo);
        }
        if (!version.canConvertToInt() || version.intValue() != ProtocolVersion.CURRENT) {
            throw new WireFormatException(ErrorCode.UNSUPPORTED_VERSION, VERSION_FIELD, "protocol version "
                    + version.asText() + " is not supported; this side speaks version " + ProtocolVersion.CURRENT,
                    null, null, inReplyTo);
        }
    }
}
