package io.serfnode.agent.devif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.agent.serf.rpc.SerfMember;
import io.serfnode.agent.serf.rpc.SerfRpcClient;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.serf.rpc.StreamFilter;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The developer interface against real serf agents: one Serfnode-tagged, one plain. */
class DeveloperInterfaceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path alphaState;
    @TempDir
    Path betaState;

    private final SerfAgents serf;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();

    DeveloperInterfaceIT() throws Exception {
        serf = new SerfAgents();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        children.forEach(child -> ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly));
        serf.close();
    }

    @Test
    void describesRealMembersIncludingAPlainSerfAgent() throws Exception {
        SerfAgents.Agent alpha = serf.start("alpha", Map.of("role", "web db", "timestamp", "1714557600"));
        SerfAgents.Agent plain = serf.start("plain-agent", Map.of());
        SerfRpcClient alphaClient = serf.client(alpha);
        alphaClient.join(List.of(plain.bindAddress()), false);
        await().atMost(WAIT).until(() -> alphaClient.members().size() == 2);

        DeveloperFiles files = new DeveloperFiles(DeveloperFilesConfig.inStateDir(alphaState), ComponentLog.of("alpha", "devif"));
        files.write(new DeveloperView("alpha", members(alphaClient), List.of()));

        assertThat(Files.readAllLines(alphaState.resolve("hosts"))).containsExactly(
                alpha.host() + " db", alpha.host() + " web", alpha.host() + " alpha", plain.host() + " plain-agent");
        JsonNode byId = new ObjectMapper().readTree(alphaState.resolve("serfnodes_by_id.json").toFile());
        assertThat(byId.get("plain-agent").get("serf_port").asInt()).isEqualTo(plain.bindPort());
        assertThat(byId.get("plain-agent").get("roles")).isEmpty();
        assertThat(new ObjectMapper().readTree(alphaState.resolve("me.json").toFile()).get("node").get("serf_ip").asText())
                .isEqualTo(alpha.host());
    }

    @Test
    void carriesAChildsLineThroughSerfToTheOtherMembersHandler() throws Exception {
        SerfAgents.Agent alpha = serf.start("alpha", Map.of("role", "web"));
        SerfAgents.Agent beta = serf.start("beta", Map.of("role", "worker"));
        SerfRpcClient alphaClient = serf.client(alpha);
        SerfRpcClient betaClient = serf.client(beta);
        alphaClient.join(List.of(beta.bindAddress()), false);
        await().atMost(WAIT).until(() -> alphaClient.members().size() == 2);

        // beta runs handlers for the user events it receives
        Path handler = Files.createDirectories(betaState.resolve("handlers")).resolve("deploy");
        Files.writeString(handler, "#!/bin/sh\ncat > \"$SERFNODE_STATE_DIR/deploy.out\"\n");
        Files.setPosixFilePermissions(handler, PosixFilePermissions.fromString("rwxr-xr-x"));
        EventHandlers betaHandlers = new EventHandlers(EventHandlersConfig.inStateDir(betaState), "beta",
                HandlerListener.NONE, ComponentLog.of("beta", "handlers"));
        closeables.add(betaHandlers);
        closeables.add(betaClient.stream(StreamFilter.user(), (StreamCallback<StreamEvent>) event -> {
            if (event instanceof StreamEvent.UserEvent user) {
                betaHandlers.onUserEvent(user.name(), user.payload());
            }
        }));

        // alpha turns its children's FIFO lines into serf events
        List<String> rejected = new CopyOnWriteArrayList<>();
        ParentFifo fifo = ParentFifo.open(
                ParentFifoConfig.inStateDir(alphaState).withEventCheck(SerfLimits.DEFAULTS::checkUserEvent),
                new ParentFifoCallback() {
                    @Override
                    public void onEvent(String name, byte[] payload) {
                        alphaClient.event(name, payload, false);
                    }

                    @Override
                    public void onRejected(String reason, String excerpt, long lineNumber) {
                        rejected.add(lineNumber + ": " + reason);
                    }
                }, ComponentLog.of("alpha", "parent-fifo"));
        closeables.add(fifo);

        String tooLarge = "x".repeat(500);
        Process child = new ProcessBuilder("sh", "-c",
                "echo '[\"deploy\", \"" + tooLarge + "\"]' > parent; echo '[\"deploy\", {\"version\": \"2.0\"}]' > parent")
                .directory(alphaState.toFile()).redirectErrorStream(true).start();
        children.add(child);
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

        Path delivered = betaState.resolve("deploy.out");
        await().atMost(WAIT).until(() -> Files.exists(delivered) && Files.size(delivered) > 0);
        assertThat(Files.readString(delivered, StandardCharsets.UTF_8)).isEqualTo("{\"version\":\"2.0\"}\n");
        assertThat(rejected).singleElement().asString().startsWith("1: serf would refuse the event");
    }

    private static List<Member> members(SerfRpcClient client) {
        List<Member> members = new ArrayList<>();
        for (SerfMember member : client.members()) {
            members.add(new Member(member.name(), member.address().getHostAddress(), member.port(), member.tags(),
                    MemberStatus.fromSerf(member.status().wireName())));
        }
        return members;
    }
}
