package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = ChildSettings.CHILD_KEYS;

    @Test
    void findsTheKeyBehindATypo() {
        assertThat(Suggestions.closest("imgae", KEYS)).isEqualTo("image");
        assertThat(Suggestions.closest("comand", KEYS)).isEqualTo("command");
        assertThat(Suggestions.closest("startretrys", KEYS)).isEqualTo("startretries");
    }

    @Test
    void ignoresCaseUnderscoresAndDashes() {
        assertThat(Suggestions.closest("Volumes-From", KEYS)).isEqualTo("volumes_from");
        assertThat(Suggestions.closest("stop_wait_secs", KEYS)).isEqualTo("stopwaitsecs");
        assertThat(Suggestions.closest("WORKINGDIR", KEYS)).isEqualTo("working_dir");
    }

    @Test
    void knowsCommonOtherNames() {
        assertThat(Suggestions.closest("env", KEYS)).isEqualTo("environment");
        assertThat(Suggestions.closest("workdir", KEYS)).isEqualTo("working_dir");
        assertThat(Suggestions.closest("env", List.of("role"))).as("only when valid here").isNull();
    }

    @Test
    void suggestsNothingForAWordFarFromEveryKey() {
        assertThat(Suggestions.closest("healthcheck", KEYS)).isNull();
        assertThat(Suggestions.closest("x", KEYS)).isNull();
    }

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        assertThat(Suggestions.distance("imgae", "image")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }
}
