package io.serfnode.agent.devif;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides what one complete line of the {@code parent} FIFO means, from its raw bytes: too long, not UTF-8,
 * not the expected JSON, refused by serf's limits, blank, or an event. Pure, so that any byte sequence can be
 * checked without a FIFO.
 */
final class ParentLineClassifier {
    private static final int EXCERPT_CHARS = 60;

    private final int maxLineBytes;
    private final UserEventCheck eventCheck;

    ParentLineClassifier(int maxLineBytes, UserEventCheck eventCheck) {
        this.maxLineBytes = maxLineBytes;
        this.eventCheck = eventCheck;
    }

    /** What a line, held cut to the limit, means; a rejection carries an excerpt of the line for the report. */
    Classified classify(byte[] bytes, long totalLength) {
        if (totalLength > bytes.length) {
            return rejected("the line is " + totalLength + " bytes long, at most " + maxLineBytes + " are allowed",
                    excerpt(decodeLeniently(bytes)));
        }
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return rejected("the line is not UTF-8 text", excerpt(decodeLeniently(bytes)));
        }
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        ParentLine meaning = ParentLineParser.parse(line);
        if (meaning instanceof ParentLine.Rejected rejected) {
            return rejected(rejected.reason(), excerpt(line));
        }
        if (meaning instanceof ParentLine.Event event) {
            try {
                eventCheck.check(event.name(), event.payload());
            } catch (RuntimeException refused) {
                return rejected("serf would refuse the event: " + refused.getMessage(), excerpt(line));
            }
        }
        return new Classified(meaning, line);
    }

    private static Classified rejected(String reason, String excerpt) {
        return new Classified(new ParentLine.Rejected(reason), excerpt);
    }

    private static String decodeLeniently(byte[] bytes) {
        CharBuffer text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        return text.toString();
    }

    static String excerpt(String line) {
        String oneLine = line.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= EXCERPT_CHARS ? oneLine : oneLine.substring(0, EXCERPT_CHARS) + "…";
    }

    /**
     * @param meaning what the line asks for
     * @param text    the line as text (an event's line), or the excerpt to report (a rejection)
     */
    record Classified(ParentLine meaning, String text) {
    }
}
