package io.serfnode.agent.api.ws;

import static io.serfnode.agent.api.ws.DrivenCluster.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.MemberStatus;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.ErrorMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Throws thousands of random and mutated frames at a live endpoint: every one is answered or refused, no
 * exception escapes, and a well-behaved client is still served afterwards.
 */
class WsFuzzIT {
    private static final String TOKEN = "s3cret-token";
    private static final int FRAMES = 3000;
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final List<String> SEEDS = List.of(
            "{\"type\":\"auth\",\"v\":1,\"token\":\"s3cret-token\"}",
            "{\"type\":\"resume\",\"v\":1,\"streamId\":\"f3a1c2\",\"fromSeq\":120}",
            "{\"type\":\"resume\",\"v\":1,\"counters\":{\"web-1\":42,\"db-1\":7}}",
            "{\"type\":\"command\",\"v\":1,\"id\":\"c-3\",\"command\":{\"kind\":\"restart-child\",\"member\":\"web-1\","
                    + "\"child\":\"nginx\"}}",
            "{\"type\":\"command\",\"v\":1,\"id\":\"c-6\",\"command\":{\"kind\":\"spawn-member\",\"template\":\"web\","
                    + "\"role\":\"web edge\",\"count\":3,\"runtime\":\"docker\",\"spawner\":\"web-1\"}}",
            "{\"type\":\"command\",\"v\":1,\"id\":\"c-10\",\"command\":{\"kind\":\"query\",\"name\":\"uptime\","
                    + "\"payload\":{\"base64\":\"/wDDKA==\"},\"filterNodes\":[\"web-1\"],\"filterTags\":{\"role\":\"w.*\"},"
                    + "\"timeoutMs\":2500,\"requestAck\":true}}",
            "{\"type\":\"command\",\"v\":1,\"id\":\"c-1\",\"command\":{\"kind\":\"trigger-event\",\"name\":\"deploy\","
                    + "\"payload\":\"v1.2\",\"coalesce\":true}}");
    // whole characters only: a client cannot send a lone surrogate in a text frame
    private static final String ALPHABET = "{}[]\":,0123456789-.eE truefalsnul\\/\u00e9\u20acabcxyz";

    private final Random random = new Random(20250131L);

    /** Sends a command and reads until its result: every reply before it has then been taken in. */
    private static void roundTrip(WsTestClient client, String id) {
        client.send(new CommandMessage(id, new RestartChild("web-1", "nginx")));
        ServerMessage answer;
        do {
            answer = client.next();
        } while (!(answer instanceof ResultMessage result && result.id().equals(id)));
    }

    @Test
    void survivesRandomAndMutatedFramesAndKeepsServing() throws Exception {
        DrivenCluster cluster = new DrivenCluster("web-1", member("web-1", "127.0.0.1", null, MemberStatus.ALIVE));
        try (WsServer server = WsServer.start(WsServerConfig.loopback(TOKEN), cluster, new ScriptedCommands());
             WsTestClient fuzzer = WsTestClient.authenticated(server.uri(), TOKEN)) {
            long deadline = System.nanoTime() + BUDGET.toNanos();
            int sent = 0;
            while (sent < FRAMES && System.nanoTime() < deadline) {
                if (random.nextInt(20) == 0) {
                    fuzzer.sendBinary(randomBytes());
                } else {
                    fuzzer.sendText(frame());
                }
                sent++;
                cluster.emitUserEvent("noise", random.nextInt(64));
                if (sent % 200 == 0) {
                    // a round trip now and then: the server keeps at most a bounded number of unread replies
                    // per client (and closes a client that lets more pile up), however busy this machine is
                    roundTrip(fuzzer, "sync-" + sent);
                }
            }
            // every frame gets at most a few answers; a final command shows the connection still works in order
            fuzzer.send(new CommandMessage("last-after-fuzz", new RestartChild("web-1", "nginx")));
            ServerMessage answer;
            int answers = 0;
            do {
                answer = fuzzer.next();
                answers++;
            } while (!(answer instanceof ResultMessage result && result.id().equals("last-after-fuzz")));

            assertThat(sent).isGreaterThan(FRAMES / 10);
            assertThat(answers).isGreaterThan(0);
            assertThat(fuzzer.isClosed()).isFalse();
            try (WsTestClient normal = WsTestClient.authenticated(server.uri(), TOKEN)) {
                normal.send(ResumeMessage.fresh());
                assertThat(normal.next()).isInstanceOf(SnapshotMessage.class);
                normal.send(new CommandMessage("c-1", new RestartChild("web-1", "nginx")));
                ServerMessage next = normal.next();
                while (!(next instanceof ResultMessage)) {
                    assertThat(next).isNotInstanceOf(ErrorMessage.class);
                    next = normal.next();
                }
                assertThat(next).isEqualTo(ResultMessage.ok("c-1"));
            }
        }
    }

    private String frame() {
        return switch (random.nextInt(4)) {
            case 0 -> randomText(random.nextInt(200));
            case 1 -> truncate(seed());
            default -> mutate(seed());
        };
    }

    private String seed() {
        return SEEDS.get(random.nextInt(SEEDS.size()));
    }

    private String truncate(String text) {
        return text.substring(0, random.nextInt(text.length()));
    }

    private String mutate(String text) {
        StringBuilder mutated = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(mutated.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> mutated.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (at < mutated.length()) {
                        mutated.deleteCharAt(at);
                    }
                }
                case 2 -> mutated.insert(at, "[".repeat(random.nextInt(64)));
                case 3 -> mutated.insert(at, "\"" + "9".repeat(random.nextInt(40)) + "\"");
                default -> {
                    if (at < mutated.length()) {
                        mutated.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
            }
        }
        if (random.nextInt(50) == 0) {
            mutated.append(" ".repeat(70 * 1024));
        }
        return mutated.toString();
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(100)];
        random.nextBytes(bytes);
        return random.nextBoolean() ? bytes : new String(bytes, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
    }
}
