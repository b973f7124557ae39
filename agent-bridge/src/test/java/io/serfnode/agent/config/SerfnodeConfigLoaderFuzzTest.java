package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the {@code serfnode.yml} loader: any file either loads or is refused with a
 * {@link ConfigException} whose every problem names the file and says what was wrong. Nothing else escapes.
 * Under {@code make test} the seeds and past findings run as regression inputs; {@code make fuzz} mutates them.
 */
class SerfnodeConfigLoaderFuzzTest {
    private static final String SOURCE = "fuzzed/serfnode.yml";

    @FuzzTest(maxDuration = "60s")
    // no control characters: Jazzer writes whitespace unescaped into libFuzzer's line-based dictionary
    @DictionaryEntries({"serfnode:", "children:", "  - ", "role: ", "peer: ", "serf_ip: ", "serf_port: ",
        "image: ", "exec: ", "command: ", "environment:", "autorestart: ", "unexpected", "exitcodes: [",
        "startsecs: ", "startretries: ", "stopsignal: ", "stopwaitsecs: ", "links: [", "volumes_from: [",
        "ports: [", "&a ", "*a", "<<: ", "!!binary ", "---", "{", "}", "[", "]", "'", "\""})
    void anyFileLoadsOrIsRefusedWithItsProblemsLocated(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            SerfnodeConfig config = SerfnodeConfigLoader.load(text, SOURCE, Map.of());
            assertThat(config).isNotNull();
        } catch (ConfigException refused) {
            assertThat(refused.problems()).isNotEmpty().allSatisfy(problem -> {
                assertThat(problem.source()).isEqualTo(SOURCE);
                assertThat(problem.reason()).isNotBlank();
            });
        }
    }
}
