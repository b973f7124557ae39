package io.serfnode.agent.serf.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sizes below are the limits the installed serf binary accepts (one more byte and it refuses to start). */
class SerfTagSizeTest {
    @Test
    void oneRoleTagOf502CharactersFillsTheLimitExactly() {
        assertThat(SerfTagSize.encodedBytes(Map.of("role", "x".repeat(502)))).isEqualTo(SerfTagSize.LIMIT_BYTES);
    }

    @Test
    void sixteenShortTagsUseTheLargerMapHeader() {
        Map<String, String> tags = tags(16, 27);
        for (int i = 22; i <= 25; i++) {
            tags.put("k" + i, "x".repeat(26));
        }

        assertThat(SerfTagSize.encodedBytes(tags)).isEqualTo(SerfTagSize.LIMIT_BYTES);
    }

    @Test
    void valuesOf32BytesAndMoreTakeAThreeByteHeader() {
        assertThat(SerfTagSize.encodedBytes(tags(10, 44))).isEqualTo(SerfTagSize.LIMIT_BYTES);
    }

    @Test
    void countsUtf8BytesNotCharacters() {
        assertThat(SerfTagSize.encodedBytes("r", "é")).isEqualTo(2 + 3);
    }

    @Test
    void noTagsTakeTwoBytes() {
        assertThat(SerfTagSize.encodedBytes(Map.of())).isEqualTo(2);
    }

    private static Map<String, String> tags(int count, int valueLength) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put("k" + (10 + i), "x".repeat(valueLength));
        }
        return tags;
    }
}
