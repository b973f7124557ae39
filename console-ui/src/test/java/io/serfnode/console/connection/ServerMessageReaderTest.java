package io.serfnode.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.Payload;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.MemberFailed;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.event.MemberLeft;
import io.serfnode.model.event.MemberReaped;
import io.serfnode.model.event.MemberUpdated;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServerMessageReaderTest {
    private final WireCodec codec = new WireCodec();
    private final ServerMessageReader reader = new ServerMessageReader(codec);

    @Test
    void readsEveryEventTheAgentWritesAsTheCodecDoes() throws WireFormatException {
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            EventMessage message = new EventMessage(1 + random.nextInt(Integer.MAX_VALUE) * 3L,
                    randomEvent(random));
            String text = codec.encode(message);

            ServerMessage read = reader.read(text);

            assertThat(read).as(text).isEqualTo(message).isEqualTo(codec.decodeServer(text));
            if (!(message.event() instanceof UserEvent)) {
                assertThat(reader.readEvent(text)).as("read without the codec: " + text).isEqualTo(message);
            }
        }
    }

    @Test
    void givesTheCodecWhatItDoesNotKnowAndGetsTheSameAnswer() throws WireFormatException {
        List<String> texts = List.of(
                // fields in another order, unknown fields, nulls, other forms of time, other message types
                "{\"v\":1,\"type\":\"event\",\"seq\":3,\"event\":{\"kind\":\"member-join\",\"time\":\"2025-01-31T12:00:00Z\","
                        + "\"member\":{\"name\":\"a\",\"address\":\"127.0.0.1\",\"port\":7946,\"status\":\"alive\"}}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"extra\":true,\"event\":{\"kind\":\"supervisor-state\","
                        + "\"time\":\"2025-01-31T12:00:00Z\",\"member\":\"a\",\"child\":\"c\",\"from\":\"RUNNING\","
                        + "\"to\":\"EXITED\",\"counter\":4}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"time\":\"2025-01-31T12:00:00Z\",\"kind\":\"supervisor-state\","
                        + "\"member\":\"a\",\"child\":\"c\",\"from\":\"RUNNING\",\"to\":\"EXITED\",\"counter\":4}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"supervisor-state\",\"time\":\"2025-01-31T12:00:00Z\","
                        + "\"member\":\"a\",\"child\":\"c\",\"from\":\"RUNNING\",\"to\":\"EXITED\",\"exitCode\":null,"
                        + "\"attempt\":null,\"counter\":4,\"note\":\"x\"}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"supervisor-state\","
                        + "\"time\":\"2025-01-31T13:00:00+01:00\",\"member\":\"a\",\"child\":\"c\",\"from\":\"RUNNING\","
                        + "\"to\":\"EXITED\",\"counter\":4}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"member-update\",\"time\":\"2025-01-31T12:00:00Z\","
                        + "\"member\":{\"name\":\"a\",\"address\":\"127.0.0.1\",\"port\":7946,\"status\":\"alive\","
                        + "\"tags\":{\"role\":\"web\"},\"zone\":\"b\"}}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"user-event\",\"time\":\"2025-01-31T12:00:00Z\","
                        + "\"name\":\"deploy\",\"payload\":\"v1\",\"coalesce\":false,\"ltime\":17}}  ",
                "{\"type\":\"lagged\",\"v\":1,\"afterSeq\":9,\"limit\":1024}");
        for (String text : texts) {
            assertThat(reader.read(text)).as(text).isEqualTo(codec.decodeServer(text));
        }
    }

    @Test
    void refusesWhatTheCodecRefusesWithTheCodecsWords() {
        List<String> texts = List.of(
                "{\"type\":\"event\",\"v\":1,\"seq\":0,\"event\":{\"kind\":\"supervisor-state\",\"time\":\"2025-01-31T12:00:00Z\","
                        + "\"member\":\"a\",\"child\":\"c\",\"from\":\"RUNNING\",\"to\":\"EXITED\",\"counter\":4}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"seq\":4,\"event\":{\"kind\":\"supervisor-state\","
                        + "\"time\":\"2025-01-31T12:00:00Z\",\"member\":\"a\",\"child\":\"c\",\"from\":\"RUNNING\","
                        + "\"to\":\"EXITED\",\"counter\":4}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"supervisor-state\",\"time\":\"2025-02-30T12:00:00Z\","
                        + "\"member\":\"a\",\"child\":\"c\",\"from\":\"RUNNING\",\"to\":\"EXITED\",\"counter\":4}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"supervisor-state\",\"time\":\"2025-01-31T12:00:00Z\","
                        + "\"member\":\"a\",\"child\":\"c\",\"from\":\"RUNNING\",\"to\":\"ASLEEP\",\"counter\":4}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"supervisor-state\",\"time\":\"2025-01-31T12:00:00Z\","
                        + "\"member\":\"a\",\"child\":\"c\",\"from\":\"RUNNING\",\"to\":\"EXITED\",\"counter\":0}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"supervisor-state\",\"time\":\"2025-01-31T12:00:00Z\","
                        + "\"member\":\"a\",\"child\":\"c\",\"from\":\"RUNNING\",\"to\":\"EXITED\",\"exitCode\":\"1\",\"counter\":4}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"member-failed\",\"time\":\"2025-01-31T12:00:00Z\","
                        + "\"member\":{\"name\":\"a\",\"address\":\"127.0.0.1\",\"port\":70000,\"status\":\"failed\"}}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"member-failed\",\"time\":\"2025-01-31T12:00:00Z\","
                        + "\"member\":{\"name\":\"a\",\"address\":\"127.0.0.1\",\"port\":7946,\"status\":\"failed\"}}} {}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,\"event\":{\"kind\":\"member-join\",\"time\":\"2025-01-31T12:00:00Z\"}}",
                "{\"type\":\"event\",\"v\":1,\"seq\":3,");
        for (String text : texts) {
            String expected = codecError(text);
            assertThatThrownBy(() -> reader.read(text)).as(text).isInstanceOf(WireFormatException.class)
                    .hasMessage(expected);
        }
    }

    private String codecError(String text) {
        try {
            codec.decodeServer(text);
        } catch (WireFormatException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("the codec read " + text);
    }

    private static ClusterEvent randomEvent(Random random) {
        Instant time = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000),
                random.nextBoolean() ? 0 : random.nextInt(1000) * 1_000_000);
        SupervisorState[] states = SupervisorState.values();
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> new SupervisorStateChanged(time, "node-" + random.nextInt(1000), "child \"" + random.nextInt(5) + "\"",
                    states[random.nextInt(states.length)], states[random.nextInt(states.length)],
                    random.nextBoolean() ? null : random.nextInt(256) - 128, random.nextInt(5),
                    1 + random.nextLong(Long.MAX_VALUE - 1));
            case 3 -> new MemberJoined(time, randomMember(random));
            case 4 -> new MemberUpdated(time, randomMember(random));
            case 5 -> new MemberFailed(time, randomMember(random));
            case 6 -> random.nextBoolean() ? new MemberLeft(time, randomMember(random))
                    : new MemberReaped(time, randomMember(random));
            default -> new UserEvent(time, "deploy", Payload.ofText("v" + random.nextInt(9)), false, random.nextInt(99));
        };
    }

    private static Member randomMember(Random random) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<String> roles = new ArrayList<>(List.of("web", "db", "cache", "é-ü"));
        int count = random.nextInt(4);
        if (count > 0) {
            tags.put("role", String.join(" ", roles.subList(0, count)));
            tags.put("load", Integer.toString(random.nextInt(100)));
        }
        MemberStatus[] statuses = MemberStatus.values();
        return new Member("node-" + random.nextInt(1000), "10.0." + random.nextInt(255) + ".1",
                random.nextInt(65536), tags, statuses[random.nextInt(statuses.length)]);
    }
}
