package io.serfnode.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serfnode.model.ProtocolVersion;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.CommandValue;
import io.serfnode.model.command.Progress;
import io.serfnode.model.event.ClusterEvent;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WireCodecRoundTripTest {
    private final WireCodec codec = new WireCodec();
    private final ObjectMapper plain = new ObjectMapper();

    static Stream<ClientMessage> clientMessages() {
        return Samples.clientMessages().stream();
    }

    static Stream<ServerMessage> serverMessages() {
        return Samples.serverMessages().stream();
    }

    @ParameterizedTest
    @MethodSource("clientMessages")
    void decodesEveryClientMessageItEncoded(ClientMessage message) throws Exception {
        String text = codec.encode(message);

        assertThat(codec.decodeClient(text)).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("serverMessages")
    void decodesEveryServerMessageItEncoded(ServerMessage message) throws Exception {
        String text = codec.encode(message);

        assertThat(codec.decodeServer(text)).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource({"clientMessages", "serverMessages"})
    void writesTypeAndVersionFirst(Object message) throws Exception {
        String text = message instanceof ClientMessage client
                ? codec.encode(client)
                : codec.encode((ServerMessage) message);
        JsonNode tree = plain.readTree(text);

        assertThat(tree.fieldNames()).toIterable().startsWith("type", "v");
        assertThat(tree.get("v").intValue()).isEqualTo(ProtocolVersion.CURRENT);
    }

    @Test
    void samplesCoverEveryMessageTypeAndEveryKind() {
        assertThat(Samples.clientMessages().stream().map(ClientMessage::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(WireErrors.subtypeNames(ClientMessage.class));
        assertThat(Samples.serverMessages().stream().map(ServerMessage::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(WireErrors.subtypeNames(ServerMessage.class));
        assertThat(kinds(Samples.events().stream().map(ClusterEvent::kind)))
                .containsExactlyInAnyOrderElementsOf(WireErrors.subtypeNames(ClusterEvent.class));
        assertThat(kinds(Samples.commands().stream().map(Command::kind)))
                .containsExactlyInAnyOrderElementsOf(WireErrors.subtypeNames(Command.class));
        assertThat(kinds(Samples.values().stream().map(CommandValue::kind)))
                .containsExactlyInAnyOrderElementsOf(WireErrors.subtypeNames(CommandValue.class));
        assertThat(kinds(Samples.progress().stream().map(Progress::kind)))
                .containsExactlyInAnyOrderElementsOf(WireErrors.subtypeNames(Progress.class));
    }

    private static Set<String> kinds(Stream<String> kinds) {
        return kinds.collect(Collectors.toSet());
    }
}
