package io.serfnode.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import io.serfnode.model.command.Command;
import io.serfnode.model.command.CommandValue;
import io.serfnode.model.command.Progress;
import io.serfnode.model.event.ClusterEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/protocol.md is the contract; its examples must be exactly what the codec reads and writes. */
class ProtocolDocumentationTest {
    private static final Pattern FENCE = Pattern.compile("(?m)^```json( invalid)?[ \\t]*\\n(.*?)^```[ \\t]*$",
            Pattern.DOTALL);

    private static final WireCodec CODEC = new WireCodec();
    private static final List<Example> EXAMPLES = new ArrayList<>();

    record Example(int line, boolean invalid, String json) {
        @Override
        public String toString() {
            return "protocol.md example at line " + line;
        }
    }

    @BeforeAll
    static void readExamples() throws IOException {
        String document = Files.readString(protocolDocument());
        Matcher fence = FENCE.matcher(document);
        while (fence.find()) {
            int line = (int) document.substring(0, fence.start()).lines().count() + 1;
            String json = fence.group(2);
            EXAMPLES.add(new Example(line, fence.group(1) != null, json.substring(0, json.length() - 1)));
        }
        assertThat(EXAMPLES).as("json examples in protocol.md").hasSizeGreaterThan(20);
    }

    /** The module's base directory is the working directory under Maven; IDEs may start elsewhere in the tree. */
    private static Path protocolDocument() {
        String basedir = System.getProperty("basedir");
        for (Path dir = Path.of(basedir == null ? "" : basedir).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("protocol.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return fail("docs/protocol.md not found in %s or any directory above it",
                Path.of("").toAbsolutePath());
    }

    private static boolean isClientType(String json) {
        try {
            String type = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("type").asText();
            return WireErrors.subtypeNames(ClientMessage.class).contains(type);
        } catch (IOException notJson) {
            return true;
        }
    }

    private static Object decode(String json) throws WireFormatException {
        return isClientType(json) ? CODEC.decodeClient(json) : CODEC.decodeServer(json);
    }

    @Test
    void decodesEveryValidExample() {
        List<String> failures = new ArrayList<>();
        for (Example example : EXAMPLES) {
            if (!example.invalid()) {
                try {
                    decode(example.json());
                } catch (WireFormatException failure) {
                    failures.add(example + ": " + failure.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void refusesEveryInvalidExampleWithTheDocumentedError() throws Exception {
        int checked = 0;
        for (int i = 0; i < EXAMPLES.size(); i++) {
            Example example = EXAMPLES.get(i);
            if (!example.invalid()) {
                continue;
            }
            WireFormatException failure = catchThrowableOfType(WireFormatException.class,
                    () -> CODEC.decodeClient(example.json()));
            assertThat(failure).as("%s should be refused", example).isNotNull();
            assertThat(i + 1).as("%s should be followed by the error it causes", example).isLessThan(EXAMPLES.size());
            ServerMessage documented = CODEC.decodeServer(EXAMPLES.get(i + 1).json());
            assertThat(documented).as("the error documented after %s", example).isEqualTo(failure.toErrorMessage());
            checked++;
        }
        assertThat(checked).as("invalid examples").isGreaterThan(5);
    }

    @Test
    void showsEveryMessageTypeEventKindCommandKindValueKindAndProgressKind() throws Exception {
        Set<String> types = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (Example example : EXAMPLES) {
            if (example.invalid()) {
                continue;
            }
            Object message = decode(example.json());
            if (message instanceof ClientMessage client) {
                types.add(client.type());
            }
            if (message instanceof ServerMessage server) {
                types.add(server.type());
            }
            switch (message) {
                case CommandMessage command -> kinds.add("command:" + command.command().kind());
                case EventMessage event -> kinds.add("event:" + event.event().kind());
                case ResultMessage result when result.value() != null -> kinds.add("value:" + result.value().kind());
                case ProgressMessage progress -> kinds.add("progress:" + progress.progress().kind());
                default -> { }
            }
        }
        Set<String> expectedTypes = new HashSet<>(WireErrors.subtypeNames(ClientMessage.class));
        expectedTypes.addAll(WireErrors.subtypeNames(ServerMessage.class));
        Set<String> expectedKinds = new HashSet<>();
        WireErrors.subtypeNames(Command.class).forEach(kind -> expectedKinds.add("command:" + kind));
        WireErrors.subtypeNames(ClusterEvent.class).forEach(kind -> expectedKinds.add("event:" + kind));
        WireErrors.subtypeNames(CommandValue.class).forEach(kind -> expectedKinds.add("value:" + kind));
        WireErrors.subtypeNames(Progress.class).forEach(kind -> expectedKinds.add("progress:" + kind));

        assertThat(types).containsExactlyInAnyOrderElementsOf(expectedTypes);
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(expectedKinds);
    }

    @Test
    void writesEverySingleLineExampleExactlyAsDocumented() throws Exception {
        List<String> differences = new ArrayList<>();
        for (Example example : EXAMPLES) {
            if (example.invalid() || example.json().contains("\n")) {
                continue;
            }
            Object message = decode(example.json());
            String written = message instanceof ClientMessage client ? CODEC.encode(client)
                    : CODEC.encode((ServerMessage) message);
            if (!written.equals(example.json())) {
                differences.add(example + " is written as\n" + written);
            }
        }
        assertThat(differences).isEmpty();
    }
}
