package io.serfnode.console.connection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.ProtocolVersion;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.MemberFailed;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.event.MemberLeft;
import io.serfnode.model.event.MemberReaped;
import io.serfnode.model.event.MemberUpdated;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.UtcTimes;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the agent's messages for the session. The live events that make up nearly all of a busy stream (child
 * transitions and membership changes) are read in one pass of a streaming parser straight into the model's
 * records; {@link WireCodec#decodeServer} reads them through a JSON tree first and then binds the text a second
 * time, which cost the console about a quarter of its CPU per event. Anything else, and anything this reader is
 * not sure of (a field it does not expect, a null, an odd number or time), goes to the codec, so results and
 * error messages stay the codec's. Thread-safe.
 */
final class ServerMessageReader {
    /** The agent writes {@code type} and {@code v} first; only messages starting so take the fast path. */
    private static final String EVENT_PREFIX = "{\"type\":\"" + EventMessage.TYPE + "\",\"v\":"
            + ProtocolVersion.CURRENT + ",";
    private static final SupervisorState[] STATES = SupervisorState.values();
    private static final MemberStatus[] STATUSES = MemberStatus.values();

    private final WireCodec codec;
    private final JsonFactory json = JsonFactory.builder().build();
    /** Below this many characters a message is surely within the codec's byte limit (3 bytes a char at most). */
    private final int surelySmall;

    ServerMessageReader(WireCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.surelySmall = codec.limits().maxServerMessageBytes() / 3;
    }

    ServerMessage read(String text) throws WireFormatException {
        if (text != null && text.length() <= surelySmall && text.startsWith(EVENT_PREFIX)) {
            EventMessage event = readEvent(text);
            if (event != null) {
                return event;
            }
        }
        return codec.decodeServer(text);
    }

    /** The event, or null when the codec should read the message. */
    EventMessage readEvent(String text) {
        try (JsonParser in = json.createParser(text)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            long seq = -1;
            ClusterEvent event = null;
            int seen = 0;
            for (JsonToken token = in.nextToken(); token == JsonToken.FIELD_NAME; token = in.nextToken()) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                int bit;
                switch (field) {
                    case "type" -> {
                        bit = 1;
                        if (value != JsonToken.VALUE_STRING || !EventMessage.TYPE.equals(in.getText())) {
                            return null;
                        }
                    }
                    case "v" -> {
                        bit = 2;
                        if (!isInt(in, value) || in.getIntValue() != ProtocolVersion.CURRENT) {
                            return null;
                        }
                    }
                    case "seq" -> {
                        bit = 4;
                        if (!isLong(in, value)) {
                            return null;
                        }
                        seq = in.getLongValue();
                    }
                    case "event" -> {
                        bit = 8;
                        if (value != JsonToken.START_OBJECT) {
                            return null;
                        }
                        event = readClusterEvent(in);
                        if (event == null) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
                if ((seen & bit) != 0) {
                    return null; // a repeated field: the codec names it
                }
                seen |= bit;
            }
            if (seen != 15 || in.currentToken() != JsonToken.END_OBJECT || in.nextToken() != null || seq < 1) {
                return null;
            }
            return new EventMessage(seq, event);
        } catch (IOException | RuntimeException unsure) {
            return null;
        }
    }

    private static ClusterEvent readClusterEvent(JsonParser in) throws IOException {
        if (in.nextToken() != JsonToken.FIELD_NAME || !"kind".equals(in.currentName())
                || in.nextToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        String kind = in.getText();
        return switch (kind) {
            case SupervisorStateChanged.KIND -> readTransition(in);
            case MemberJoined.KIND, MemberLeft.KIND, MemberFailed.KIND, MemberUpdated.KIND, MemberReaped.KIND ->
                    readMembership(in, kind);
            default -> null;
        };
    }

    private static SupervisorStateChanged readTransition(JsonParser in) throws IOException {
        Instant time = null;
        String member = null;
        String child = null;
        SupervisorState from = null;
        SupervisorState to = null;
        Integer exitCode = null;
        int attempt = 0;
        long counter = 0;
        int seen = 0;
        for (JsonToken token = in.nextToken(); token == JsonToken.FIELD_NAME; token = in.nextToken()) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            int bit;
            switch (field) {
                case "time" -> {
                    bit = 1;
                    time = value == JsonToken.VALUE_STRING ? UtcTimes.parse(in.getText()) : null;
                    if (time == null) {
                        return null;
                    }
                }
                case "member" -> {
                    bit = 2;
                    member = text(in, value);
                }
                case "child" -> {
                    bit = 4;
                    child = text(in, value);
                }
                case "from" -> {
                    bit = 8;
                    from = state(in, value);
                }
                case "to" -> {
                    bit = 16;
                    to = state(in, value);
                }
                case "exitCode" -> {
                    bit = 32;
                    if (!isInt(in, value)) {
                        return null;
                    }
                    exitCode = in.getIntValue();
                }
                case "attempt" -> {
                    bit = 64;
                    if (!isInt(in, value)) {
                        return null;
                    }
                    attempt = in.getIntValue();
                }
                case "counter" -> {
                    bit = 128;
                    if (!isLong(in, value)) {
                        return null;
                    }
                    counter = in.getLongValue();
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        int required = 1 | 2 | 4 | 8 | 16 | 128;
        if ((seen & required) != required || in.currentToken() != JsonToken.END_OBJECT || member == null
                || child == null || from == null || to == null) {
            return null;
        }
        return new SupervisorStateChanged(time, member, child, from, to, exitCode, attempt, counter);
    }

    private static ClusterEvent readMembership(JsonParser in, String kind) throws IOException {
        Instant time = null;
        Member member = null;
        int seen = 0;
        for (JsonToken token = in.nextToken(); token == JsonToken.FIELD_NAME; token = in.nextToken()) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            int bit;
            switch (field) {
                case "time" -> {
                    bit = 1;
                    time = value == JsonToken.VALUE_STRING ? UtcTimes.parse(in.getText()) : null;
                }
                case "member" -> {
                    bit = 2;
                    member = value == JsonToken.START_OBJECT ? readMember(in) : null;
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0 || (bit == 1 && time == null) || (bit == 2 && member == null)) {
                return null;
            }
            seen |= bit;
        }
        if (seen != 3 || in.currentToken() != JsonToken.END_OBJECT) {
            return null;
        }
        return switch (kind) {
            case MemberJoined.KIND -> new MemberJoined(time, member);
            case MemberLeft.KIND -> new MemberLeft(time, member);
            case MemberFailed.KIND -> new MemberFailed(time, member);
            case MemberUpdated.KIND -> new MemberUpdated(time, member);
            case MemberReaped.KIND -> new MemberReaped(time, member);
            default -> null;
        };
    }

    private static Member readMember(JsonParser in) throws IOException {
        String name = null;
        String address = null;
        int port = -1;
        MemberStatus status = null;
        Map<String, String> tags = null;
        int seen = 0;
        for (JsonToken token = in.nextToken(); token == JsonToken.FIELD_NAME; token = in.nextToken()) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            int bit;
            switch (field) {
                case "name" -> {
                    bit = 1;
                    name = text(in, value);
                }
                case "address" -> {
                    bit = 2;
                    address = text(in, value);
                }
                case "port" -> {
                    bit = 4;
                    if (!isInt(in, value)) {
                        return null;
                    }
                    port = in.getIntValue();
                }
                case "status" -> {
                    bit = 8;
                    status = status(in, value);
                }
                case "roles" -> {
                    // written for convenience, ignored on input (the role tag is the truth)
                    bit = 16;
                    if (value != JsonToken.START_ARRAY) {
                        return null;
                    }
                    in.skipChildren();
                }
                case "tags" -> {
                    bit = 32;
                    tags = value == JsonToken.START_OBJECT ? readTags(in) : null;
                    if (tags == null) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        if ((seen & 15) != 15 || name == null || address == null || status == null
                || in.currentToken() != JsonToken.END_OBJECT) {
            return null;
        }
        return new Member(name, address, port, tags, status);
    }

    private static Map<String, String> readTags(JsonParser in) throws IOException {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonToken token = in.nextToken(); token == JsonToken.FIELD_NAME; token = in.nextToken()) {
            String key = in.currentName();
            if (in.nextToken() != JsonToken.VALUE_STRING || tags.put(key, in.getText()) != null) {
                return null;
            }
        }
        return in.currentToken() == JsonToken.END_OBJECT ? tags : null;
    }

    private static String text(JsonParser in, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_STRING ? in.getText() : null;
    }

    private static SupervisorState state(JsonParser in, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            return null;
        }
        String name = in.getText();
        for (SupervisorState state : STATES) {
            if (state.name().equals(name)) {
                return state;
            }
        }
        return null;
    }

    private static MemberStatus status(JsonParser in, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            return null;
        }
        String name = in.getText();
        for (MemberStatus status : STATUSES) {
            if (status.serfName().equals(name)) {
                return status;
            }
        }
        return null;
    }

    private static boolean isInt(JsonParser in, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT && in.getNumberType() == JsonParser.NumberType.INT;
    }

    private static boolean isLong(JsonParser in, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT && (in.getNumberType() == JsonParser.NumberType.INT
                || in.getNumberType() == JsonParser.NumberType.LONG);
    }
}
