package io.serfnode.model.wire;

/** Counts UTF-8 bytes without encoding, stopping early once a limit is passed. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The UTF-8 length of {@code text}, or a number above {@code limit} as soon as the length is known to
     * exceed it. A UTF-16 unit never takes fewer than one byte, so long text is refused without a scan.
     */
    static int length(CharSequence text, int limit) {
        if (text.length() > limit) {
            return text.length();
        }
        int bytes = 0;
        for (int i = 0; i < text.length() && bytes <= limit; i++) {
            char unit = text.charAt(i);
            if (unit < 0x80) {
                bytes += 1;
            } else if (unit < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(unit) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
