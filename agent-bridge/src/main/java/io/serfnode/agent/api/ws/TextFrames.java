package io.serfnode.agent.api.ws;

import java.nio.charset.StandardCharsets;

/**
 * A whole, unmasked WebSocket text frame as a server sends it (RFC 6455, section 5.2), for frames made once
 * and written to many clients. Only for connections without extensions, whose frames are exactly this.
 */
final class TextFrames {
    private static final int FIN_TEXT = 0x81;

    private TextFrames() {
    }

    static byte[] of(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int length = payload.length;
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) FIN_TEXT;
        if (header == 2) {
            frame[1] = (byte) length;
        } else if (header == 4) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            long longLength = length;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) (longLength >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }
}
