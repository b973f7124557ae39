package io.serfnode.agent.serf.rpc;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessagePacker;

/**
 * Encodes request headers and bodies as Serf's Go structs: maps keyed by the exact field names,
 * strings as msgpack str, byte slices as bin (nil stays nil), {@code time.Duration} as int64
 * nanoseconds.
 */
final class SerfRpcEncoder {
    static final int IPC_VERSION = 1;

    private SerfRpcEncoder() {
    }

    static void header(MessagePacker out, RpcCommand command, long seq) throws IOException {
        out.packMapHeader(2);
        out.packString("Command").packString(command.wireName());
        out.packString("Seq").packLong(seq);
    }

    static BodyWriter handshake() {
        return out -> {
            out.packMapHeader(1);
            out.packString("Version").packInt(IPC_VERSION);
        };
    }

    static BodyWriter auth(String authKey) {
        return out -> {
            out.packMapHeader(1);
            out.packString("AuthKey").packString(authKey);
        };
    }

    static BodyWriter event(String name, byte[] payload, boolean coalesce) {
        return out -> {
            out.packMapHeader(3);
            out.packString("Name").packString(name);
            out.packString("Payload");
            bytes(out, payload);
            out.packString("Coalesce").packBoolean(coalesce);
        };
    }

    static BodyWriter forceLeave(String node, boolean prune) {
        return out -> {
            out.packMapHeader(2);
            out.packString("Node").packString(node);
            out.packString("Prune").packBoolean(prune);
        };
    }

    static BodyWriter join(List<String> addresses, boolean replay) {
        return out -> {
            out.packMapHeader(2);
            out.packString("Existing");
            strings(out, addresses);
            out.packString("Replay").packBoolean(replay);
        };
    }

    static BodyWriter membersFiltered(MembersFilter filter) {
        return out -> {
            out.packMapHeader(3);
            out.packString("Tags");
            stringMap(out, filter.tags());
            out.packString("Status").packString(filter.status());
            out.packString("Name").packString(filter.name());
        };
    }

    static BodyWriter tags(Map<String, String> set, Collection<String> delete) {
        return out -> {
            out.packMapHeader(2);
            out.packString("Tags");
            stringMap(out, set);
            out.packString("DeleteTags");
            strings(out, delete);
        };
    }

    static BodyWriter stream(StreamFilter filter) {
        return out -> {
            out.packMapHeader(1);
            out.packString("Type").packString(filter.wire());
        };
    }

    static BodyWriter monitor(LogLevel level) {
        return out -> {
            out.packMapHeader(1);
            out.packString("LogLevel").packString(level.name());
        };
    }

    static BodyWriter stop(long seq) {
        return out -> {
            out.packMapHeader(1);
            out.packString("Stop").packLong(seq);
        };
    }

    static BodyWriter query(QueryRequest query) {
        return out -> {
            out.packMapHeader(7);
            out.packString("FilterNodes");
            strings(out, query.filterNodes());
            out.packString("FilterTags");
            stringMap(out, query.filterTags());
            out.packString("RequestAck").packBoolean(query.requestAck());
            out.packString("RelayFactor").packInt(query.relayFactor());
            out.packString("Timeout").packLong(nanos(query.timeout()));
            out.packString("Name").packString(query.name());
            out.packString("Payload");
            bytes(out, query.payload());
        };
    }

    static BodyWriter respond(long id, byte[] payload) {
        return out -> {
            out.packMapHeader(2);
            out.packString("ID").packLong(id);
            out.packString("Payload");
            bytes(out, payload);
        };
    }

    static BodyWriter key(String key) {
        return out -> {
            out.packMapHeader(1);
            out.packString("Key").packString(key);
        };
    }

    static BodyWriter coordinate(String node) {
        return out -> {
            out.packMapHeader(1);
            out.packString("Node").packString(node);
        };
    }

    private static long nanos(Duration duration) {
        return duration.toNanos();
    }

    private static void bytes(MessagePacker out, byte[] payload) throws IOException {
        if (payload == null) {
            out.packNil();
        } else {
            out.packBinaryHeader(payload.length);
            out.writePayload(payload);
        }
    }

    private static void strings(MessagePacker out, Collection<String> values) throws IOException {
        out.packArrayHeader(values.size());
        for (String value : values) {
            out.packString(value);
        }
    }

    private static void stringMap(MessagePacker out, Map<String, String> map) throws IOException {
        out.packMapHeader(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.packString(entry.getKey()).packString(entry.getValue());
        }
    }
}
