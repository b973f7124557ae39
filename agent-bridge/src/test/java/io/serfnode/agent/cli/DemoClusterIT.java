package io.serfnode.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.api.ws.WsTestClient;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.SpawnedMembers;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ServerMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo cluster from the demo templates of this checkout: up with its five roles, spawning, then nothing left. */
class DemoClusterIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path TEMPLATES = Path.of("..", "assets", "demo").toAbsolutePath().normalize();

    @TempDir
    Path home;

    private final TrackedProcesses processes = new TrackedProcesses();
    private DemoCluster cluster;

    @AfterEach
    void stopEverything() {
        if (cluster != null) {
            cluster.processes().forEach(processes::track);
            cluster.close();
        }
        processes.close();
    }

    @Test
    void startsFiveMembersWithTheirRolesSpawnsFromTheDemoAndLeavesNothingWhenStopped() throws Exception {
        assertThat(TEMPLATES.resolve("worker.yml")).as("the demo templates of the checkout").isRegularFile();
        cluster = DemoCluster.start(home, TEMPLATES, "127.0.0.1", 5, "warn", member -> { });
        MemberAgent last = cluster.members().getLast();

        MemberAgent first = cluster.members().getFirst();
        await().atMost(PATIENCE).until(() -> aliveRoles(last).size() == 5 && aliveRoles(first).size() == 5);
        assertThat(aliveRoles(last)).isEqualTo(Map.of("web-1", "web", "web-2", "web", "db-1", "db",
                "cache-1", "cache", "worker-1", "worker"));
        assertThat(Files.readString(cluster.tokenFile())).isNotBlank();

        try (WsTestClient client = WsTestClient.authenticated(cluster.consoleUri(),
                Files.readString(cluster.tokenFile()).strip())) {
            client.send(new CommandMessage("demo-1", SpawnMember.like("worker-1")));
            ResultMessage result = resultOf(client, "demo-1");
            assertThat(result.outcome()).as(result.error()).isEqualTo(CommandOutcome.OK);
            assertThat(result.value()).isEqualTo(new SpawnedMembers(List.of("worker-2")));
        }
        await().atMost(PATIENCE).until(() -> "worker".equals(aliveRoles(last).get("worker-2")));
        List<Long> running = cluster.processes();
        running.forEach(processes::track);
        assertThat(running).as("serf agents, children, the spawned agent").hasSizeGreaterThan(10);

        cluster.close();

        assertThat(running).allSatisfy(pid -> assertThat(TrackedProcesses.isAlive(pid)).as("process %d", pid)
                .isFalse());
    }

    private static Map<String, String> aliveRoles(MemberAgent viewer) {
        return viewer.members().stream().filter(member -> member.status() == MemberStatus.ALIVE)
                .collect(Collectors.toMap(Member::name, member -> String.join(" ", member.roles())));
    }

    private static ResultMessage resultOf(WsTestClient client, String id) {
        while (true) {
            ServerMessage message = client.next();
            if (message instanceof ResultMessage result && result.id().equals(id)) {
                return result;
            }
        }
    }
}
