package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code config/bad/} is refused with exactly the problems its {@code # expect:} lines name,
 * in order, each as {@code line:column: reason}.
 */
class BadConfigCatalogueTest {
    private static final Path CATALOGUE = Path.of("src/test/resources/config/bad");
    private static final String EXPECT = "# expect: ";

    static Stream<Path> badFiles() throws IOException {
        try (Stream<Path> files = Files.list(CATALOGUE)) {
            return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusesBadFileWithTheExpectedProblems(Path file) throws IOException {
        List<String> expected = Files.readAllLines(file).stream()
                .filter(line -> line.startsWith(EXPECT))
                .map(line -> line.substring(EXPECT.length()))
                .toList();
        assertThat(expected).as("the # expect: lines of %s", file).isNotEmpty();

        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> SerfnodeConfigLoader.load(file, Map.of()));

        assertThat(error).as("loading %s", file).isNotNull();
        List<String> actual = error.problems().stream()
                .map(problem -> problem.line() + ":" + problem.column() + ": " + problem.reason())
                .toList();
        assertThat(actual).as("problems of %s", file).containsExactlyElementsOf(expected);
        assertThat(error.problems()).allSatisfy(problem -> assertThat(problem.source()).isEqualTo(file.toString()));
    }

    @Test
    void catalogueHoldsAtLeastThirtyBadFiles() throws IOException {
        assertThat(badFiles().count()).isGreaterThanOrEqualTo(30);
    }
}
