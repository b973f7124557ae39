package io.serfnode.agent.serf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.serf.testing.SerfCli;
import io.serfnode.agent.serf.testing.SerfTestAgent;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SerfAgentProcessIT {
    private static final Duration READY = Duration.ofSeconds(20);
    private static final Duration STOP = Duration.ofSeconds(10);

    @RegisterExtension
    final SerfTestCluster cluster = SerfTestCluster.create();

    @Test
    void startsAndAnswersOnItsRpcAddress() throws Exception {
        SerfAgentProcess process = cluster.launch(cluster.newConfig("solo"));

        process.awaitReady(READY);

        assertThat(process.isAlive()).isTrue();
        assertThat(process.pid()).isPositive();
        try (Socket socket = new Socket()) {
            SerfAddress rpc = process.config().rpcAddress();
            socket.connect(new InetSocketAddress(rpc.host(), rpc.port()), 1000);
        }
        assertThat(cluster.cli().statusOf(process.config(), "solo")).contains("alive");
        assertThat(process.recentOutput()).anyMatch(line -> line.contains("Serf agent running"));
    }

    @Test
    void gracefulStopMakesOtherMembersSeeItLeft() throws Exception {
        List<SerfTestAgent> agents = cluster.start(2);
        SerfTestAgent leaving = agents.get(1);

        SerfExit exit = leaving.process().stopGracefully(STOP);

        assertThat(exit.expected()).isTrue();
        assertThat(exit.exitCode()).isZero();
        cluster.awaitStatus(agents.get(0), leaving.nodeName(), "left");
    }

    @Test
    void interruptLeavesGracefullyWhenLeaveOnTerminateIsOff() throws Exception {
        List<SerfTestAgent> agents = cluster.start(2, (index, config) -> config.withLeaveOnTerminate(false));
        SerfTestAgent leaving = agents.get(1);

        SerfExit exit = leaving.process().stopGracefully(STOP);

        assertThat(exit.exitCode()).isZero();
        assertThat(leaving.process().recentOutput()).anyMatch(line -> line.contains("Caught signal: interrupt"));
        cluster.awaitStatus(agents.get(0), leaving.nodeName(), "left");
    }

    @Test
    void stopIsSeenAsFailedWhenSerfIsToldNeverToLeave() throws Exception {
        List<SerfTestAgent> agents = cluster.start(2,
                (index, config) -> config.withLeaveOnTerminate(false).withSkipLeaveOnInterrupt(true));
        SerfTestAgent stopping = agents.get(1);

        SerfExit exit = stopping.process().stopGracefully(STOP);

        assertThat(exit.exitCode()).isEqualTo(1);
        assertThat(stopping.process().recentOutput()).anyMatch(line -> line.contains("Shutdown without a Leave"));
        cluster.awaitStatus(agents.get(0), stopping.nodeName(), "failed");
    }

    @Test
    void killMakesOtherMembersSeeItFailed() throws Exception {
        List<SerfTestAgent> agents = cluster.start(2);
        SerfTestAgent killed = agents.get(1);

        SerfExit exit = killed.process().kill();

        assertThat(exit.expected()).isTrue();
        assertThat(exit.exitCode()).isEqualTo(128 + 9);
        cluster.awaitStatus(agents.get(0), killed.nodeName(), "failed");
    }

    @Test
    void reportsAnExternalKillAsUnexpectedExit() throws Exception {
        SerfTestAgent agent = cluster.start(1).getFirst();
        CompletableFuture<SerfExit> reported = new CompletableFuture<>();
        agent.process().onExit((process, exit) -> reported.complete(exit));

        Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(agent.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

        SerfExit exit = reported.get(10, TimeUnit.SECONDS);
        assertThat(exit.expected()).isFalse();
        assertThat(exit.exitCode()).isEqualTo(137);
        assertThat(exit.pid()).isEqualTo(agent.pid());
        assertThat(agent.process().isAlive()).isFalse();
    }

    @Test
    void reportsAGracefulStopAsExpectedExit() throws Exception {
        SerfTestAgent agent = cluster.start(1).getFirst();
        CompletableFuture<SerfExit> reported = new CompletableFuture<>();
        agent.process().onExit((process, exit) -> reported.complete(exit));

        agent.process().stopGracefully(STOP);

        assertThat(reported.get(10, TimeUnit.SECONDS)).isEqualTo(new SerfExit(agent.pid(), 0, true));
    }

    @Test
    void tellsALateListenerAtOnce() throws Exception {
        SerfTestAgent agent = cluster.start(1).getFirst();
        SerfExit stopped = agent.process().stopGracefully(STOP);
        CompletableFuture<SerfExit> reported = new CompletableFuture<>();

        agent.process().onExit((process, exit) -> reported.complete(exit));

        assertThat(reported).isCompletedWithValue(stopped);
    }

    @Test
    void closeLeavesTheClusterAndEndsTheProcess() {
        List<SerfTestAgent> agents = cluster.start(2);
        SerfTestAgent closing = agents.get(1);

        closing.process().close();

        assertThat(ProcessHandle.of(closing.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        cluster.awaitStatus(agents.get(0), closing.nodeName(), "left");
    }

    @Test
    void reportsSerfsOwnOutputWhenTheGossipPortIsTaken() {
        SerfTestAgent first = cluster.start(1).getFirst();
        SerfAgentConfig clash = cluster.newConfig("clash").withBind(first.bindAddress());
        SerfAgentProcess process = cluster.launch(clash);

        assertThatThrownBy(() -> process.awaitReady(READY))
                .isInstanceOf(SerfStartupException.class)
                .hasMessageContaining("'clash'")
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("Failed to start TCP listener on \"" + first.bindAddress().host() + "\"")
                .hasMessageContaining("address already in use");
    }

    @Test
    void reportsSerfsOwnOutputWhenTheRpcPortIsTaken() {
        SerfTestAgent first = cluster.start(1).getFirst();
        SerfAgentConfig clash = cluster.newConfig("clash").withRpcAddress(first.rpcAddress());

        assertThatThrownBy(() -> cluster.launch(clash).awaitReady(READY))
                .isInstanceOf(SerfStartupException.class)
                .hasMessageContaining("Error starting RPC listener")
                .hasMessageContaining("address already in use");
    }

    @Test
    void reportsSerfsOwnOutputWhenTheBindAddressIsNotOnThisMachine() {
        // TEST-NET-1 is never assigned to a local interface: the bind fails without sending anything
        SerfAgentConfig config = cluster.newConfig("elsewhere").withBind(SerfAddress.of("192.0.2.1", 7946));

        assertThatThrownBy(() -> cluster.launch(config).awaitReady(READY))
                .isInstanceOf(SerfStartupException.class)
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("listen tcp 192.0.2.1:7946: bind: cannot assign requested address");
    }

    @Test
    void reportsARefusedStartJoin() {
        SerfAgentConfig config = cluster.newConfig("lonely");
        SerfAddress nobodyListens = cluster.newConfig("never-started").bind();
        SerfAgentConfig joiningNobody = config.withStartJoin(List.of(nobodyListens));

        assertThatThrownBy(() -> cluster.launch(joiningNobody).awaitReady(READY))
                .isInstanceOf(SerfStartupException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    void startsFromEveryConfigKeyWeRender() throws Exception {
        String key = SerfEncryptionKeys.generate();
        SerfTestAgent seed = cluster.start(1, (index, config) -> config.withEncryptKey(key)).getFirst();
        SerfAgentConfig fresh = cluster.newConfig("full");
        SerfAgentConfig full = fresh
                .withAdvertise(fresh.bind())
                .withRpcAuthToken("token-" + SerfEncryptionKeys.generate())
                .withTag("role", "web db")
                .withTag("ws", "127.0.0.1:8080")
                .withStartJoin(List.of(seed.bindAddress()))
                .withRetryJoin(List.of(seed.bindAddress()))
                .withRetryInterval(Duration.ofSeconds(1))
                .withRetryMaxAttempts(3)
                .withEncryptKey(key)
                .withLogLevel(SerfLogLevel.DEBUG)
                .withSkipLeaveOnInterrupt(true)
                .withReconnectInterval(Duration.ofSeconds(1))
                .withReconnectTimeout(Duration.ofMinutes(5))
                .withTombstoneTimeout(Duration.ofMinutes(10))
                .withSnapshotPath(cluster.file("full.snapshot"))
                .withRejoinAfterLeave(true)
                .withReplayOnJoin(true);

        SerfTestAgent agent = cluster.startAgent(full);

        cluster.awaitMembersAlive(List.of(seed, agent));
        SerfCli.Member seen = cluster.cli().members(seed.config()).stream()
                .filter(member -> member.name().equals("full")).findFirst().orElseThrow();
        assertThat(seen.tags()).containsEntry("role", "web db").containsEntry("ws", "127.0.0.1:8080");
        assertThat(agent.process().recentOutput()).anyMatch(line -> line.contains("Snapshot: true"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(full.snapshotPath()));
    }
}
