package io.serfnode.model.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.serfnode.model.Payload;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The JSON forms of the value types that have no natural one: times are ISO-8601 UTC strings, durations
 * are integer milliseconds, payloads are text when their bytes are UTF-8 and {@code {"base64": …}}
 * otherwise.
 */
final class WireJsonModule extends SimpleModule {
    static final String BASE64_FIELD = "base64";

    WireJsonModule() {
        super("serfnode-wire");
        addSerializer(Instant.class, new InstantSerializer());
        addDeserializer(Instant.class, new InstantDeserializer());
        addSerializer(Duration.class, new MillisSerializer());
        addDeserializer(Duration.class, new MillisDeserializer());
        addSerializer(Payload.class, new PayloadSerializer());
        addDeserializer(Payload.class, new PayloadDeserializer());
    }

    /** A value whose JSON type is right but whose content is not; the message is fit for a peer. */
    static final class BadValueException extends JsonMappingException {
        BadValueException(JsonParser in, String problem) {
            super(in, problem);
        }
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, in);
            }
            String text = in.getText();
            Instant plain = UtcTimes.parse(text);
            if (plain != null) {
                return plain;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notATime) {
                throw new BadValueException(in, "expected a UTC time in ISO-8601 form such as "
                        + "\"2025-01-31T12:00:00Z\", found \"" + Excerpt.of(text) + "\"");
            }
        }
    }

    private static final class MillisSerializer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeNumber(value.toMillis());
        }
    }

    private static final class MillisDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return (Duration) context.handleUnexpectedToken(Duration.class, in);
            }
            return Duration.ofMillis(in.getLongValue());
        }
    }

    private static final class PayloadSerializer extends JsonSerializer<Payload> {
        @Override
        public void serialize(Payload value, JsonGenerator out, SerializerProvider provider) throws IOException {
            var text = value.asText();
            if (text.isPresent()) {
                out.writeString(text.get());
            } else {
                out.writeStartObject();
                out.writeStringField(BASE64_FIELD, Base64.getEncoder().encodeToString(value.bytes()));
                out.writeEndObject();
            }
        }
    }

    private static final class PayloadDeserializer extends JsonDeserializer<Payload> {
        @Override
        public Payload deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() == JsonToken.VALUE_STRING) {
                return Payload.ofText(in.getText());
            }
            if (in.currentToken() != JsonToken.START_OBJECT) {
                return (Payload) context.handleUnexpectedToken(Payload.class, in);
            }
            JsonNode object = context.readTree(in);
            JsonNode base64 = object.get(BASE64_FIELD);
            if (base64 == null || !base64.isTextual()) {
                throw new BadValueException(in, "expected a text payload as a string, or binary bytes as an"
                        + " object with a string field 'base64', found an object without one");
            }
            try {
                return Payload.of(Base64.getDecoder().decode(base64.asText()));
            } catch (IllegalArgumentException notBase64) {
                throw new BadValueException(in, "expected Base64 text in 'base64', found \""
                        + Excerpt.of(base64.asText()) + "\"");
            }
        }
    }
}
