package io.serfnode.agent.serf.rpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Decodes the bodies Serf sends, straight from a {@link MessageUnpacker} (no reflection, no
 * intermediate tree). Public so that they can be measured without a socket.
 *
 * <p>Serf encodes Go structs as maps keyed by field name; unknown keys are skipped. Strings may come
 * as msgpack str or bin (Serf reads both, and so does this decoder); byte slices (payloads,
 * addresses) come as bin, and msgpack nil becomes {@code null}.
 */
public final class SerfRpcDecoder {

    private SerfRpcDecoder() {
    }

    /** The body of a {@code members} or {@code members-filtered} reply: {@code {Members: [...]}}. */
    public static List<SerfMember> members(MessageUnpacker in) throws IOException {
        List<SerfMember> members = List.of();
        int fields = in.unpackMapHeader();
        for (int i = 0; i < fields; i++) {
            if ("Members".equals(in.unpackString())) {
                members = memberList(in);
            } else {
                in.skipValue();
            }
        }
        return members;
    }

    public static List<SerfMember> members(byte[] body) {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
            return members(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record of a {@code stream} subscription (member, user or query event). */
    public static StreamEvent streamEvent(MessageUnpacker in) throws IOException {
        String event = null;
        List<SerfMember> members = null;
        long ltime = 0;
        long id = 0;
        String name = "";
        byte[] payload = null;
        boolean coalesce = false;
        int fields = in.unpackMapHeader();
        for (int i = 0; i < fields; i++) {
            switch (in.unpackString()) {
                case "Event" -> event = string(in);
                case "Members" -> members = memberList(in);
                case "LTime" -> ltime = unsigned(in);
                case "ID" -> id = unsigned(in);
                case "Name" -> name = string(in);
                case "Payload" -> payload = bytes(in);
                case "Coalesce" -> coalesce = bool(in);
                default -> in.skipValue();
            }
        }
        if (event == null) {
            throw new SerfRpcException("stream record without an Event field");
        }
        return switch (event) {
            case "user" -> new StreamEvent.UserEvent(ltime, name, payload, coalesce);
            case "query" -> new StreamEvent.QueryEvent(id, ltime, name, payload);
            default -> {
                MemberEventType type = MemberEventType.fromWire(event);
                if (type == null) {
                    throw new SerfRpcException("stream record with unknown Event '" + event + "'");
                }
                yield new StreamEvent.MemberEvent(type, members);
            }
        };
    }

    public static StreamEvent streamEvent(byte[] body) {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
            return streamEvent(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record of a query this client started: {@code {Type, From, Payload}}. */
    public static QueryRecord queryRecord(MessageUnpacker in) throws IOException {
        String type = "";
        String from = "";
        byte[] payload = null;
        int fields = in.unpackMapHeader();
        for (int i = 0; i < fields; i++) {
            switch (in.unpackString()) {
                case "Type" -> type = string(in);
                case "From" -> from = string(in);
                case "Payload" -> payload = bytes(in);
                default -> in.skipValue();
            }
        }
        return switch (type) {
            case "ack" -> new QueryRecord.Ack(from);
            case "response" -> new QueryRecord.Response(from, payload);
            case "done" -> new QueryRecord.Done();
            default -> throw new SerfRpcException("query record with unknown Type '" + type + "'");
        };
    }

    /** One record of a {@code monitor} stream: {@code {Log}}. */
    public static String logLine(MessageUnpacker in) throws IOException {
        String line = "";
        int fields = in.unpackMapHeader();
        for (int i = 0; i < fields; i++) {
            if ("Log".equals(in.unpackString())) {
                line = string(in);
            } else {
                in.skipValue();
            }
        }
        return line;
    }

    /** The body of a {@code join} reply: {@code {Num}}, the number of nodes joined. */
    public static int joined(MessageUnpacker in) throws IOException {
        int num = 0;
        int fields = in.unpackMapHeader();
        for (int i = 0; i < fields; i++) {
            if ("Num".equals(in.unpackString())) {
                num = (int) signed(in);
            } else {
                in.skipValue();
            }
        }
        return num;
    }

    /** The body of a keyring reply. */
    public static KeyResponse keyResponse(MessageUnpacker in) throws IOException {
        Map<String, String> messages = Map.of();
        Map<String, Integer> keys = Map.of();
        int numNodes = 0;
        int numErr = 0;
        int numResp = 0;
        int fields = in.unpackMapHeader();
        for (int i = 0; i < fields; i++) {
            switch (in.unpackString()) {
                case "Messages" -> messages = stringMap(in);
                case "Keys" -> keys = countMap(in);
                case "NumNodes" -> numNodes = (int) signed(in);
                case "NumErr" -> numErr = (int) signed(in);
                case "NumResp" -> numResp = (int) signed(in);
                default -> in.skipValue();
            }
        }
        return new KeyResponse(messages, keys, numNodes, numErr, numResp);
    }

    /** The body of a {@code stats} reply: section to (name to value). */
    public static Map<String, Map<String, String>> stats(MessageUnpacker in) throws IOException {
        if (nil(in)) {
            return Map.of();
        }
        int sections = in.unpackMapHeader();
        Map<String, Map<String, String>> stats = new HashMap<>(sections * 2);
        for (int i = 0; i < sections; i++) {
            stats.put(string(in), stringMap(in));
        }
        return Map.copyOf(stats);
    }

    /** The body of a {@code get-coordinate} reply: {@code {Coord, Ok}}; empty when the agent has none cached. */
    public static Optional<Coordinate> coordinate(MessageUnpacker in) throws IOException {
        Coordinate coordinate = null;
        boolean ok = false;
        int fields = in.unpackMapHeader();
        for (int i = 0; i < fields; i++) {
            switch (in.unpackString()) {
                case "Coord" -> coordinate = coordinateValue(in);
                case "Ok" -> ok = bool(in);
                default -> in.skipValue();
            }
        }
        return ok ? Optional.ofNullable(coordinate) : Optional.empty();
    }

    /** A reply or record header: {@code {Seq, Error}}. */
    static ResponseHeader header(MessageUnpacker in) throws IOException {
        long seq = -1;
        String error = "";
        int fields = in.unpackMapHeader();
        for (int i = 0; i < fields; i++) {
            switch (in.unpackString()) {
                case "Seq" -> seq = unsigned(in);
                case "Error" -> error = string(in);
                default -> in.skipValue();
            }
        }
        if (seq < 0) {
            throw new SerfRpcException("reply header without a Seq field");
        }
        return new ResponseHeader(seq, error);
    }

    private static Coordinate coordinateValue(MessageUnpacker in) throws IOException {
        if (nil(in)) {
            return null;
        }
        List<Double> vec = List.of();
        double error = 0;
        double adjustment = 0;
        double height = 0;
        int fields = in.unpackMapHeader();
        for (int i = 0; i < fields; i++) {
            switch (in.unpackString()) {
                case "Vec" -> vec = doubles(in);
                case "Error" -> error = number(in);
                case "Adjustment" -> adjustment = number(in);
                case "Height" -> height = number(in);
                default -> in.skipValue();
            }
        }
        return new Coordinate(vec, error, adjustment, height);
    }

    private static List<SerfMember> memberList(MessageUnpacker in) throws IOException {
        if (nil(in)) {
            return List.of();
        }
        int count = in.unpackArrayHeader();
        List<SerfMember> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            members.add(member(in));
        }
        return members;
    }

    static SerfMember member(MessageUnpacker in) throws IOException {
        String name = "";
        InetAddress address = null;
        int port = 0;
        Map<String, String> tags = Map.of();
        MemberStatus status = MemberStatus.NONE;
        int protocolMin = 0;
        int protocolMax = 0;
        int protocolCur = 0;
        int delegateMin = 0;
        int delegateMax = 0;
        int delegateCur = 0;
        int fields = in.unpackMapHeader();
        for (int i = 0; i < fields; i++) {
            switch (in.unpackString()) {
                case "Name" -> name = string(in);
                case "Addr" -> address = address(bytes(in), name);
                case "Port" -> port = (int) unsigned(in);
                case "Tags" -> tags = stringMap(in);
                case "Status" -> status = MemberStatus.fromWire(string(in));
                case "ProtocolMin" -> protocolMin = (int) unsigned(in);
                case "ProtocolMax" -> protocolMax = (int) unsigned(in);
                case "ProtocolCur" -> protocolCur = (int) unsigned(in);
                case "DelegateMin" -> delegateMin = (int) unsigned(in);
                case "DelegateMax" -> delegateMax = (int) unsigned(in);
                case "DelegateCur" -> delegateCur = (int) unsigned(in);
                default -> in.skipValue();
            }
        }
        return new SerfMember(name, address, port, tags, status, protocolMin, protocolMax, protocolCur,
                delegateMin, delegateMax, delegateCur);
    }

    private static InetAddress address(byte[] raw, String member) {
        if (raw == null || raw.length == 0) {
            return null;
        }
        if (raw.length != 4 && raw.length != 16) {
            throw new SerfRpcException("member '" + member + "': address of " + raw.length
                    + " bytes, expected 4 or 16");
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new SerfRpcException("member '" + member + "': unreadable address", e);
        }
    }

    private static Map<String, String> stringMap(MessageUnpacker in) throws IOException {
        if (nil(in)) {
            return Map.of();
        }
        int size = in.unpackMapHeader();
        if (size == 0) {
            return Map.of();
        }
        Map<String, String> map = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            map.put(string(in), string(in));
        }
        return map;
    }

    private static Map<String, Integer> countMap(MessageUnpacker in) throws IOException {
        if (nil(in)) {
            return Map.of();
        }
        int size = in.unpackMapHeader();
        Map<String, Integer> map = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            map.put(string(in), (int) signed(in));
        }
        return map;
    }

    private static List<Double> doubles(MessageUnpacker in) throws IOException {
        if (nil(in)) {
            return List.of();
        }
        int size = in.unpackArrayHeader();
        List<Double> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(number(in));
        }
        return values;
    }

    /** Consumes a nil if one comes next. */
    private static boolean nil(MessageUnpacker in) throws IOException {
        return in.tryUnpackNil();
    }

    /** A Go string: str or bin (Serf's decoder uses RawToString), nil as empty. */
    static String string(MessageUnpacker in) throws IOException {
        MessageFormat format = in.getNextFormat();
        return switch (format.getValueType()) {
            case STRING -> in.unpackString();
            case BINARY -> new String(in.readPayload(in.unpackBinaryHeader()), StandardCharsets.UTF_8);
            case NIL -> {
                in.unpackNil();
                yield "";
            }
            default -> throw unexpected("a string", format);
        };
    }

    /** A Go byte slice, byte for byte: bin or str, nil as {@code null}. */
    static byte[] bytes(MessageUnpacker in) throws IOException {
        MessageFormat format = in.getNextFormat();
        return switch (format.getValueType()) {
            case BINARY -> in.readPayload(in.unpackBinaryHeader());
            case STRING -> in.readPayload(in.unpackRawStringHeader());
            case NIL -> {
                in.unpackNil();
                yield null;
            }
            default -> throw unexpected("bytes", format);
        };
    }

    /** A Go unsigned integer; uint64 values above Long.MAX_VALUE keep their bits. */
    static long unsigned(MessageUnpacker in) throws IOException {
        MessageFormat format = in.getNextFormat();
        if (format == MessageFormat.UINT64) {
            return in.unpackBigInteger().longValue();
        }
        if (format.getValueType() == ValueType.INTEGER) {
            return in.unpackLong();
        }
        if (format == MessageFormat.NIL) {
            in.unpackNil();
            return 0;
        }
        throw unexpected("an unsigned integer", format);
    }

    private static long signed(MessageUnpacker in) throws IOException {
        return unsigned(in);
    }

    private static double number(MessageUnpacker in) throws IOException {
        MessageFormat format = in.getNextFormat();
        return switch (format.getValueType()) {
            case FLOAT -> in.unpackDouble();
            case INTEGER -> in.unpackLong();
            case NIL -> {
                in.unpackNil();
                yield 0;
            }
            default -> throw unexpected("a number", format);
        };
    }

    private static boolean bool(MessageUnpacker in) throws IOException {
        MessageFormat format = in.getNextFormat();
        return switch (format.getValueType()) {
            case BOOLEAN -> in.unpackBoolean();
            case NIL -> {
                in.unpackNil();
                yield false;
            }
            default -> throw unexpected("a boolean", format);
        };
    }

    private static SerfRpcException unexpected(String expected, MessageFormat actual) {
        return new SerfRpcException("expected " + expected + " from serf, got msgpack " + actual);
    }
}
