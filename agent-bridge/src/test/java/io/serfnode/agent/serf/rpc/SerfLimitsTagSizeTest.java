package io.serfnode.agent.serf.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sizes below are the limits the installed serf binary accepts (one more byte and it refuses to start). */
class SerfLimitsTagSizeTest {
    @Test
    void oneRoleTagOf502CharactersFillsTheLimitExactly() {
        assertThat(SerfLimits.encodedTagsSize(Map.of("role", "x".repeat(502)))).isEqualTo(SerfLimits.DEFAULTS.tagsSizeLimit());
    }

    @Test
    void sixteenShortTagsUseTheLargerMapHeader() {
        Map<String, String> tags = tags(16, 27);
        for (int i = 22; i <= 25; i++) {
            tags.put("k" + i, "x".repeat(26));
        }

        assertThat(SerfLimits.encodedTagsSize(tags)).isEqualTo(SerfLimits.DEFAULTS.tagsSizeLimit());
    }

    @Test
    void valuesOf32BytesAndMoreTakeAThreeByteHeader() {
        assertThat(SerfLimits.encodedTagsSize(tags(10, 44))).isEqualTo(SerfLimits.DEFAULTS.tagsSizeLimit());
    }

    @Test
    void countsUtf8BytesNotCharacters() {
        assertThat(SerfLimits.encodedTagSize("r", "é")).isEqualTo(2 + 3);
    }

    @Test
    void noTagsTakeTwoBytes() {
        assertThat(SerfLimits.encodedTagsSize(Map.of())).isEqualTo(2);
    }

    private static Map<String, String> tags(int count, int valueLength) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put("k" + (10 + i), "x".repeat(valueLength));
        }
        return tags;
    }
}
