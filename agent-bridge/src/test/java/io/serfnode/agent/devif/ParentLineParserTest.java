package io.serfnode.agent.devif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParentLineParserTest {

    @Test
    void turnsANameAndAnObjectIntoAnEventWithCompactJsonPayload() {
        ParentLine line = ParentLineParser.parse("[\"deploy\", {\"version\": \"1.2\",  \"n\": [1, 2]}]");

        assertThat(line).isInstanceOfSatisfying(ParentLine.Event.class, event -> {
            assertThat(event.name()).isEqualTo("deploy");
            assertThat(new String(event.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"version\":\"1.2\",\"n\":[1,2]}");
        });
    }

    @Test
    void acceptsAnyJsonValueOrNoPayloadAtAll() {
        assertThat(payloadOf("[\"e\", \"text\"]")).isEqualTo("\"text\"");
        assertThat(payloadOf("[\"e\", 42]")).isEqualTo("42");
        assertThat(payloadOf("[\"e\", null]")).isEqualTo("null");
        assertThat(payloadOf("[\"e\"]")).isEmpty();
        assertThat(payloadOf("[\"e\", \"caf\u00e9\"]")).isEqualTo("\"caf\u00e9\"");
    }

    @Test
    void skipsBlankLines() {
        assertThat(ParentLineParser.parse("   ")).isInstanceOf(ParentLine.Blank.class);
    }

    @Test
    void rejectsEveryMalformedKindWithAReason() {
        assertThat(reasonFor("not json")).startsWith("not JSON");
        assertThat(reasonFor("[\"e\", {}] trailing")).startsWith("not JSON");
        assertThat(reasonFor("{\"name\": \"e\"}")).contains("expected a JSON array").contains("object");
        assertThat(reasonFor("[]")).contains("found 0 elements");
        assertThat(reasonFor("[\"e\", 1, 2]")).contains("found 3 elements");
        assertThat(reasonFor("[42, {}]")).contains("must be a string").contains("number");
        assertThat(reasonFor("[\"\", {}]")).isEqualTo("the event name is empty");
        assertThat(reasonFor("[\"serfnode.sv\", {}]")).contains("reserved");
        assertThat(reasonFor("[\"two words\", {}]")).contains("may only hold");
        assertThat(reasonFor("[\"a/b\", {}]")).contains("may only hold");
        assertThat(reasonFor("[\"..\", {}]")).contains("'..'");
        assertThat(reasonFor("[\"" + "e".repeat(129) + "\", {}]")).contains("129 characters");
    }

    private static String payloadOf(String line) {
        ParentLine parsed = ParentLineParser.parse(line);
        assertThat(parsed).isInstanceOf(ParentLine.Event.class);
        return new String(((ParentLine.Event) parsed).payload(), StandardCharsets.UTF_8);
    }

    private static String reasonFor(String line) {
        ParentLine parsed = ParentLineParser.parse(line);
        assertThat(parsed).as(line).isInstanceOf(ParentLine.Rejected.class);
        return ((ParentLine.Rejected) parsed).reason();
    }
}
