package io.serfnode.agent.devif;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serfnode.agent.serf.rpc.SerfLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of what a child may write to the {@code parent} FIFO: any byte stream, arriving in
 * any chunking, becomes exactly one outcome per line (an event serf accepts, a rejection that says why, or a
 * blank line), and nothing escapes. Under {@code make test} the seeds and past findings run as regression
 * inputs; {@code make fuzz} mutates them.
 */
class ParentFifoLinesFuzzTest {
    private static final int MAX_LINE_BYTES = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ParentLineClassifier classifier =
            new ParentLineClassifier(MAX_LINE_BYTES, SerfLimits.DEFAULTS::checkUserEvent);

    @FuzzTest(maxDuration = "60s")
    // no control characters: Jazzer writes whitespace unescaped into libFuzzer's line-based dictionary
    @DictionaryEntries({"[\"", "\"]", "\", {", "}]", "serfnode.", "null", "\\u0000", "\u00e9"})
    void everyLineOfAnyByteStreamHasExactlyOneExplainedOutcome(byte[] stream) throws IOException {
        List<ParentLineClassifier.Classified> outcomes = new ArrayList<>();
        LineAssembler lines = new LineAssembler(MAX_LINE_BYTES);
        int chunk = 1 + stream.length % 61;
        for (int from = 0; from < stream.length; from += chunk) {
            ByteBuffer piece = ByteBuffer.wrap(stream, from, Math.min(chunk, stream.length - from));
            lines.accept(piece, (number, bytes, total) -> outcomes.add(classifier.classify(bytes, total)));
        }

        assertThat(outcomes).hasSize(newlines(stream));
        for (ParentLineClassifier.Classified outcome : outcomes) {
            switch (outcome.meaning()) {
                case ParentLine.Blank blank -> assertThat(outcome.text()).isBlank();
                case ParentLine.Rejected rejected -> {
                    assertThat(rejected.reason()).isNotBlank();
                    assertThat(outcome.text()).doesNotContain("\n");
                }
                case ParentLine.Event event -> {
                    assertThat(EventNameRules.childEventProblem(event.name())).isEmpty();
                    if (event.payload().length > 0) {
                        JSON.readTree(event.payload());
                    }
                }
            }
        }
    }

    private static int newlines(byte[] stream) {
        int count = 0;
        for (byte b : stream) {
            if (b == '\n') {
                count++;
            }
        }
        return count;
    }
}
