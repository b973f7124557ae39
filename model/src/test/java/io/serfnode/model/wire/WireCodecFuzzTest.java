package io.serfnode.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the wire decoder: any text is either a message that survives a round trip
 * through the encoder unchanged, or a {@link WireFormatException} that says what was wrong. Nothing else
 * escapes. Under {@code make test} the seeds (the examples of docs/protocol.md) and every past finding run as
 * regression inputs; {@code make fuzz} mutates them.
 */
class WireCodecFuzzTest {
    private final WireCodec codec = new WireCodec();

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"\"type\"", "\"v\"", "\"auth\"", "\"token\"", "\"resume\"", "\"fromSeq\"", "\"counters\"",
        "\"streamId\"", "\"command\"", "\"id\"", "\"kind\"", "\"trigger-event\"", "\"restart-child\"",
        "\"stop-child\"", "\"start-child\"", "\"spawn-member\"", "\"leave-member\"", "\"force-leave\"",
        "\"query\"", "\"member\"", "\"child\"", "\"name\"", "\"payload\"", "\"coalesce\"", "\"base64\"",
        "\"text\"", "\"filters\"", "\"timeoutMillis\"", "\"count\"", "\"runtime\"", "true", "null", "1e999"})
    void anyClientTextIsAMessageOrAnExplainedError(byte[] input) throws WireFormatException {
        ClientMessage decoded;
        try {
            decoded = codec.decodeClient(new String(input, StandardCharsets.UTF_8));
        } catch (WireFormatException explained) {
            assertThat(explained.getMessage()).isNotBlank();
            return;
        }
        assertThat(codec.decodeClient(codec.encode(decoded))).isEqualTo(decoded);
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"\"type\"", "\"v\"", "\"welcome\"", "\"snapshot\"", "\"event\"", "\"result\"",
        "\"progress\"", "\"error\"", "\"lagged\"", "\"seq\"", "\"members\"", "\"children\"", "\"recentEvents\"",
        "\"kind\"", "\"supervisor-state\"", "\"member-join\"", "\"user-event\"", "\"status\"", "\"alive\"",
        "\"RUNNING\"", "\"FATAL\"", "\"counter\"", "\"outcome\"", "\"ok\"", "\"value\"", "\"peers\"", "null"})
    void anyServerTextIsAMessageOrAnExplainedError(byte[] input) throws WireFormatException {
        ServerMessage decoded;
        try {
            decoded = codec.decodeServer(new String(input, StandardCharsets.UTF_8));
        } catch (WireFormatException explained) {
            assertThat(explained.getMessage()).isNotBlank();
            return;
        }
        assertThat(codec.decodeServer(codec.encode(decoded))).isEqualTo(decoded);
    }
}
