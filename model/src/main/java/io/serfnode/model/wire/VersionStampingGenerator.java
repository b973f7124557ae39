package io.serfnode.model.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import io.serfnode.model.ProtocolVersion;
import java.io.IOException;

/**
 * Writes the protocol version right after the message's {@code type}, so every message starts with
 * {@code {"type":…,"v":1,} while the message itself is serialized in one pass. Only the outermost type id is
 * followed by the version; nested values with a type of their own are written as they are.
 */
final class VersionStampingGenerator extends JsonGeneratorDelegate {
    private boolean stamped;

    VersionStampingGenerator(JsonGenerator delegate) {
        super(delegate, false);
    }

    @Override
    public WritableTypeId writeTypePrefix(WritableTypeId typeId) throws IOException {
        WritableTypeId written = super.writeTypePrefix(typeId);
        if (!stamped) {
            stamped = true;
            writeNumberField(WireCodec.VERSION_FIELD, ProtocolVersion.CURRENT);
        }
        return written;
    }
}
