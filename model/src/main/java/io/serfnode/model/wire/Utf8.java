package io.serfnode.model.wire;

/** Counts UTF-8 bytes without encoding, stopping early once a limit is passed. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * {@code 0} when {@code text} fits in {@code limit} UTF-8 bytes, otherwise its UTF-8 length (or a lower bound
     * of it that is already above the limit). A UTF-16 unit takes one to three bytes (a surrogate pair four for
     * two units), so only text whose length lies between a third of the limit and the limit is counted: long
     * text is refused, and a large snapshot well within the limit accepted, without a scan.
     */
    static int overLimit(CharSequence text, int limit) {
        if (text.length() > limit) {
            return text.length();
        }
        if (text.length() <= limit / 3) {
            return 0;
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
        return bytes > limit ? bytes : 0;
    }
}
