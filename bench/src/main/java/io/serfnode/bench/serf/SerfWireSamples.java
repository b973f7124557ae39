package io.serfnode.bench.serf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Builds msgpack bytes shaped the way a serf agent sends them (Go structs as maps keyed by field
 * name, byte slices as bin), so that decoding is measured on realistic input.
 */
final class SerfWireSamples {
    private static final String[] ROLES = {"web", "db", "cache", "worker", "queue"};

    private SerfWireSamples() {
    }

    /** The body of a {@code members} reply with {@code count} alive members carrying Serfnode's tags. */
    static byte[] membersBody(int count) {
        try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
            out.packMapHeader(1).packString("Members").packArrayHeader(count);
            for (int i = 0; i < count; i++) {
                packMember(out, i);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code count} stream records as they arrive on a stream connection: each a response header
     * {@code {Seq, Error}} followed by its record. A mix of user events (every third a member event).
     */
    static byte[] streamBurst(int count, long seq) {
        byte[] payload = "{\"child\":\"web\",\"to\":\"RUNNING\",\"counter\":12345}".getBytes(StandardCharsets.UTF_8);
        try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
            for (int i = 0; i < count; i++) {
                out.packMapHeader(2).packString("Seq").packLong(seq).packString("Error").packString("");
                if (i % 3 == 0) {
                    out.packMapHeader(2).packString("Event").packString("member-update");
                    out.packString("Members").packArrayHeader(1);
                    packMember(out, i);
                } else {
                    out.packMapHeader(5);
                    out.packString("Event").packString("user");
                    out.packString("LTime").packLong(1_000L + i);
                    out.packString("Name").packString("serfnode.sv");
                    out.packString("Payload").packBinaryHeader(payload.length).writePayload(payload);
                    out.packString("Coalesce").packBoolean(false);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void packMember(MessagePacker out, int i) throws IOException {
        Map<String, String> tags = Map.of(
                "role", ROLES[i % ROLES.length] + " " + ROLES[(i + 1) % ROLES.length],
                "ws", "10.0." + (i / 250) + "." + (i % 250) + ":7700",
                "sn", "1");
        out.packMapHeader(11);
        out.packString("Name").packString("member-" + i);
        out.packString("Addr").packBinaryHeader(4).writePayload(new byte[] {10, 0, (byte) (i / 250), (byte) (i % 250)});
        out.packString("Port").packInt(7946);
        out.packString("Tags").packMapHeader(tags.size());
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            out.packString(tag.getKey()).packString(tag.getValue());
        }
        out.packString("Status").packString("alive");
        out.packString("ProtocolMin").packInt(1);
        out.packString("ProtocolMax").packInt(5);
        out.packString("ProtocolCur").packInt(2);
        out.packString("DelegateMin").packInt(2);
        out.packString("DelegateMax").packInt(5);
        out.packString("DelegateCur").packInt(4);
    }
}
