package io.serfnode.agent.devif;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cuts a byte stream into newline-terminated lines while holding at most {@code maxLineBytes} of any one
 * line: the bytes of a longer line beyond the limit are only counted, up to its newline.
 */
final class LineAssembler {
    /** Receives each complete line. */
    @FunctionalInterface
    interface LineHandler {
        /**
         * @param lineNumber  from 1
         * @param bytes       the line without its newline, cut to the limit
         * @param totalLength the line's full length; more than {@code bytes.length} when it was cut
         */
        void onLine(long lineNumber, byte[] bytes, long totalLength);
    }

    private final byte[] line;
    private int kept;
    private long total;
    private long lineNumber;

    LineAssembler(int maxLineBytes) {
        this.line = new byte[maxLineBytes];
    }

    void accept(ByteBuffer chunk, LineHandler handler) {
        while (chunk.hasRemaining()) {
            byte next = chunk.get();
            if (next == '\n') {
                lineNumber++;
                byte[] complete = Arrays.copyOf(line, kept);
                long length = total;
                kept = 0;
                total = 0;
                handler.onLine(lineNumber, complete, length);
            } else {
                if (kept < line.length) {
                    line[kept++] = next;
                }
                total++;
            }
        }
    }
}
