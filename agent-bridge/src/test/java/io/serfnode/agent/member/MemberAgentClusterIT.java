package io.serfnode.agent.member;

import static io.serfnode.model.SupervisorState.BACKOFF;
import static io.serfnode.model.SupervisorState.FATAL;
import static io.serfnode.model.SupervisorState.STARTING;
import static io.serfnode.model.SupervisorState.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serfnode.agent.config.ConfigException;
import io.serfnode.agent.config.SerfnodeConfig;
import io.serfnode.agent.config.SerfnodeConfigLoader;
import io.serfnode.agent.member.TransitionRecorder.Step;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.agent.serf.testing.SerfTestAgent;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.agent.supervisor.ChildCommandResult;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.event.UserEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Member agents in one cluster, each with its own real serf agent on its own loopback address, the first one
 * supervising process children read from a {@code serfnode.yml} text: what their developer interface shows,
 * how children's FIFO lines travel to other members' handlers, and how the supervisor behaves in a member.
 */
class MemberAgentClusterIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long COMMAND_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final SerfTestCluster serf = SerfTestCluster.create();

    @TempDir
    Path state;

    private MemberAgents members;

    @BeforeEach
    void openMembers() {
        members = new MemberAgents(serf);
    }

    @AfterEach
    void endMembers() {
        members.close();
    }

    // ---- the developer interface files

    @Test
    void developerFilesListJoinedMembersByRoleAndDropOneThatLeftGracefully() throws Exception {
        MemberAgent alpha = members.start(fromYaml("alpha", """
                serfnode:
                  role: web
                children:
                  - api:
                      exec: /bin/sleep 1000
                  - worker:
                      exec: [/bin/sleep, "2000"]
                """));
        MemberAgent bravo = members.start(joining("bravo", alpha, "db", "web"));
        MemberAgent charlie = members.start(joining("charlie", alpha, "cache"));
        awaitAlive(alpha, "alpha", "bravo", "charlie");
        MemberFiles files = new MemberFiles(alpha.config().stateDir());
        ObjectNode alphaEntry = entryOf(alpha);
        ObjectNode bravoEntry = entryOf(bravo);
        ObjectNode charlieEntry = entryOf(charlie);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(files.hosts()).containsExactly(
                    ip(charlie) + " cache", ip(bravo) + " db", ip(alpha) + " web",
                    ip(alpha) + " alpha", ip(bravo) + " bravo", ip(charlie) + " charlie");
            assertThat(files.byId()).isEqualTo(MemberFiles.byIdOf(
                    Map.of("alpha", alphaEntry, "bravo", bravoEntry, "charlie", charlieEntry)));
            // alpha started first, so it is the older member of the role both carry
            assertThat(files.byRole()).isEqualTo(MemberFiles.byRoleOf(Map.of(
                    "cache", List.of(charlieEntry), "db", List.of(bravoEntry), "web", List.of(alphaEntry, bravoEntry))));
        });
        awaitState(alpha, "worker", SupervisorState.RUNNING);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode me = files.me();
            assertThat(me.path("id").asText()).isEqualTo("alpha");
            assertThat(me.path("node")).isEqualTo(alphaEntry);
            assertThat(me.path("children")).isEqualTo(files.childrenByName());
            assertThat(names(me.path("children"))).containsExactly("api", "worker");
            assertRunningProcessChild(alpha, me.path("children").path("api"), "/bin/sleep 1000");
            assertRunningProcessChild(alpha, me.path("children").path("worker"), "/bin/sleep 2000");
        });

        charlie.leave();

        await().atMost(PATIENCE).until(() -> statusOf(alpha, "charlie"), Optional.of(MemberStatus.LEFT)::equals);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(files.hosts()).containsExactly(
                    ip(bravo) + " db", ip(alpha) + " web", ip(alpha) + " alpha", ip(bravo) + " bravo");
            assertThat(files.byId()).isEqualTo(MemberFiles.byIdOf(Map.of("alpha", alphaEntry, "bravo", bravoEntry)));
            assertThat(files.byRole()).isEqualTo(MemberFiles.byRoleOf(Map.of(
                    "db", List.of(bravoEntry), "web", List.of(alphaEntry, bravoEntry))));
        });
    }

    @Test
    void aPlainSerfAgentIsListedByNameUnderNoRoleAndBreaksNothing() throws Exception {
        MemberAgent alpha = members.start(fromYaml("alpha", """
                serfnode:
                  role: web
                children:
                  - api:
                      exec: /bin/sleep 1000
                """));
        MemberAgent bravo = members.start(joining("bravo", alpha, "db"));
        awaitAlive(alpha, "alpha", "bravo");

        SerfTestAgent plain = serf.startAgent(serf.newConfig("plain-1").withStartJoin(List.of(alpha.config().bind())));

        awaitAlive(alpha, "alpha", "bravo", "plain-1");
        awaitAlive(bravo, "alpha", "bravo", "plain-1");
        assertThat(find(alpha, "plain-1").orElseThrow().roles()).isEmpty();
        MemberFiles files = new MemberFiles(alpha.config().stateDir());
        ObjectNode alphaEntry = entryOf(alpha);
        ObjectNode bravoEntry = entryOf(bravo);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(files.hosts()).containsExactly(
                    ip(bravo) + " db", ip(alpha) + " web",
                    ip(alpha) + " alpha", ip(bravo) + " bravo", plain.bindAddress().host() + " plain-1");
            assertThat(files.byId()).isEqualTo(MemberFiles.byIdOf(Map.of("alpha", alphaEntry, "bravo", bravoEntry,
                    "plain-1", MemberFiles.plainEntry("plain-1", plain.bindAddress()))));
            assertThat(files.byRole()).isEqualTo(MemberFiles.byRoleOf(Map.of(
                    "db", List.of(bravoEntry), "web", List.of(alphaEntry))));
            assertThat(files.me().path("node")).isEqualTo(alphaEntry);
        });
        // the members still work as a cluster and as supervisors
        List<UserEvent> atAlpha = new CopyOnWriteArrayList<>();
        alpha.addUserEventListener(atAlpha::add);
        bravo.triggerEvent("after-plain", "hello".getBytes(StandardCharsets.UTF_8), false);
        await().atMost(PATIENCE).until(() -> atAlpha.stream().anyMatch(event -> event.name().equals("after-plain")));
        awaitState(alpha, "api", SupervisorState.RUNNING);
    }

    @Test
    void aKilledMemberIsSeenFailedAndDropsOutOfTheDeveloperFilesAndIsForgottenAfterTheReconnectTimeout()
            throws Exception {
        MemberAgent alpha = members.start(fromYaml("alpha", """
                serfnode:
                  role: web
                """).withSerfReconnect(SerfReconnect.SERF_DEFAULTS.withTimeout(Duration.ofSeconds(2))));
        MemberAgent bravo = members.start(joining("bravo", alpha, "db", "web").withLeaveTimeout(Duration.ofSeconds(1)));
        MemberAgent charlie = members.start(joining("charlie", alpha, "cache"));
        awaitAlive(alpha, "alpha", "bravo", "charlie");
        awaitAlive(charlie, "alpha", "bravo", "charlie");
        long bravoSerf = bravo.serf().process().orElseThrow().pid();

        // frozen, serf can neither leave nor exit (so its agent does not restart it); the agent then stops
        // without a leave and, after its leave timeout, kills serf with SIGKILL
        freeze(bravoSerf);
        bravo.close();

        assertThat(TrackedProcesses.isAlive(bravoSerf)).as("bravo's serf, pid %d", bravoSerf).isFalse();
        await().atMost(PATIENCE).until(() -> statusOf(alpha, "bravo"), Optional.of(MemberStatus.FAILED)::equals);
        await().atMost(PATIENCE).until(() -> statusOf(charlie, "bravo"), Optional.of(MemberStatus.FAILED)::equals);
        MemberFiles files = new MemberFiles(alpha.config().stateDir());
        ObjectNode alphaEntry = entryOf(alpha);
        ObjectNode charlieEntry = entryOf(charlie);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(files.hosts()).containsExactly(
                    ip(charlie) + " cache", ip(alpha) + " web", ip(alpha) + " alpha", ip(charlie) + " charlie");
            assertThat(files.byId()).isEqualTo(MemberFiles.byIdOf(Map.of("alpha", alphaEntry, "charlie", charlieEntry)));
            assertThat(files.byRole()).isEqualTo(MemberFiles.byRoleOf(Map.of(
                    "cache", List.of(charlieEntry), "web", List.of(alphaEntry))));
        });

        // serf's reaper runs every 15 s: alpha forgets bravo then; charlie keeps serf's 24 h
        await("alpha forgets bravo").atMost(Duration.ofSeconds(60))
                .until(() -> statusOf(alpha, "bravo"), Optional.empty()::equals);
        assertThat(statusOf(charlie, "bravo")).contains(MemberStatus.FAILED);
    }

    // ---- the parent FIFO and the handlers

    @Test
    void aChildsFifoLineRunsTheEventsHandlerOnAnotherMember() throws Exception {
        MemberAgent bravo = members.start(withDeployHandler(members.config("bravo", state.resolve("bravo"))
                .withRoles(List.of("worker"))));
        Path go = state.resolve("go");
        MemberAgent alpha = members.start(fromYaml("alpha", """
                serfnode:
                  role: web
                children:
                  - announcer:
                      exec:
                        - /bin/sh
                        - -c
                        - |
                          while [ ! -e %s ]; do sleep 0.1; done
                          echo '["deploy", {"v": 2}]' > %s
                          exec sleep 1000
                """.formatted(go, state.resolve("alpha").resolve("parent"))).withJoin(List.of(bravo.config().bind())));
        awaitAlive(bravo, "alpha", "bravo");
        awaitAlive(alpha, "alpha", "bravo");
        awaitState(alpha, "announcer", SupervisorState.RUNNING);

        Files.createFile(go);

        Path delivered = bravo.config().stateDir().resolve("deploy.out");
        await().atMost(PATIENCE).until(() -> Files.exists(delivered));
        assertThat(Files.readString(delivered, StandardCharsets.UTF_8)).isEqualTo("{\"v\":2}\n");
    }

    @Test
    void aMalformedFifoLineIsRejectedAndReportedAndTheNextGoodLineStillArrives() throws Exception {
        MemberAgent bravo = members.start(withDeployHandler(members.config("bravo", state.resolve("bravo"))
                .withRoles(List.of("worker"))));
        List<UserEvent> atBravo = new CopyOnWriteArrayList<>();
        bravo.addUserEventListener(atBravo::add);
        Path go = state.resolve("go");
        MemberAgent alpha = members.start(fromYaml("alpha", """
                children:
                  - announcer:
                      exec:
                        - /bin/sh
                        - -c
                        - |
                          while [ ! -e %1$s ]; do sleep 0.1; done
                          echo 'this is not json' > %2$s
                          echo '["deploy", {"v": 3}]' > %2$s
                          exec sleep 1000
                """.formatted(go, state.resolve("alpha").resolve("parent"))).withJoin(List.of(bravo.config().bind())));
        awaitAlive(bravo, "alpha", "bravo");
        awaitAlive(alpha, "alpha", "bravo");
        awaitState(alpha, "announcer", SupervisorState.RUNNING);

        Files.createFile(go);

        Path delivered = bravo.config().stateDir().resolve("deploy.out");
        await().atMost(PATIENCE).until(() -> Files.exists(delivered));
        assertThat(Files.readString(delivered, StandardCharsets.UTF_8)).isEqualTo("{\"v\":3}\n");
        await().atMost(PATIENCE).until(() -> named(atBravo, RejectedLineReport.EVENT_NAME).size() == 1);
        JsonNode report = JSON.readTree(named(atBravo, RejectedLineReport.EVENT_NAME).getFirst().payload().bytes());
        assertThat(report.path("member").asText()).isEqualTo("alpha");
        assertThat(report.path("line").asLong()).isEqualTo(1);
        assertThat(report.path("reason").asText()).startsWith("not JSON");
        assertThat(report.path("excerpt").asText()).isEqualTo("this is not json");
        assertThat(named(atBravo, "deploy")).singleElement()
                .satisfies(event -> assertThat(new String(event.payload().bytes(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"v\":3}"));
    }

    // ---- the supervisor inside a member

    @Test
    void aCrashingChildBecomesFatalAndAnOperatorStartGivesItANewSeriesOfAttempts() throws Exception {
        MemberAgent alpha = members.create(fromYaml("alpha", """
                children:
                  - crasher:
                      exec: /bin/sh -c 'echo starting; exit 3'
                      startretries: 2
                """));
        TransitionRecorder transitions = new TransitionRecorder();
        alpha.supervisor().subscribe(transitions);
        List<Step> giveUp = List.of(
                new Step("crasher", STARTING, BACKOFF, 3, 1),
                new Step("crasher", BACKOFF, STARTING, null, 2),
                new Step("crasher", STARTING, BACKOFF, 3, 2),
                new Step("crasher", BACKOFF, STARTING, null, 3),
                new Step("crasher", STARTING, BACKOFF, 3, 3),
                new Step("crasher", BACKOFF, FATAL, null, 3));

        members.start(alpha);

        awaitState(alpha, "crasher", FATAL);
        assertThat(transitions.steps("crasher")).containsExactlyElementsOf(
                prepend(new Step("crasher", STOPPED, STARTING, null, 1), giveUp));
        assertThat(transitions.counters()).isSorted().doesNotHaveDuplicates();
        MemberFiles files = new MemberFiles(alpha.config().stateDir());
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode status = files.childrenByName().path("crasher").path("status");
            assertThat(status.path("state").asText()).isEqualTo("FATAL");
            assertThat(status.path("exitCode").asInt()).isEqualTo(3);
            assertThat(status.path("attempt").asInt()).isEqualTo(3);
        });
        transitions.clear();

        ChildCommandResult started = done(alpha.supervisor().start("crasher"));

        assertThat(started.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(started.state()).isEqualTo(FATAL);
        assertThat(transitions.steps("crasher")).containsExactlyElementsOf(
                prepend(new Step("crasher", FATAL, STARTING, null, 1), giveUp));
        assertThat(alpha.supervisor().status("crasher").map(ChildStatus::restarts)).contains(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                files.childrenByName().path("crasher").path("status").path("state").asText()).isEqualTo("FATAL"));
    }

    @Test
    void stopStartAndRestartOfARunningChildGoThroughTheSupervisorStates() throws Exception {
        MemberAgent alpha = members.start(fromYaml("alpha", """
                children:
                  - ticker:
                      exec: [/bin/sh, -c, "while true; do sleep 1; done"]
                      stopwaitsecs: 5
                """));
        awaitState(alpha, "ticker", SupervisorState.RUNNING);
        TransitionRecorder transitions = new TransitionRecorder();
        alpha.supervisor().subscribe(transitions);

        assertThat(done(alpha.supervisor().stop("ticker")).outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(transitions.moves("ticker")).containsExactly("RUNNING->STOPPING", "STOPPING->STOPPED");
        transitions.clear();

        assertThat(done(alpha.supervisor().start("ticker")).outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(transitions.moves("ticker")).containsExactly("STOPPED->STARTING", "STARTING->RUNNING");
        transitions.clear();

        assertThat(done(alpha.supervisor().restart("ticker")).outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(transitions.moves("ticker")).containsExactly(
                "RUNNING->STOPPING", "STOPPING->STOPPED", "STOPPED->STARTING", "STARTING->RUNNING");
        assertThat(alpha.supervisor().status("ticker").map(ChildStatus::restarts)).contains(2);
    }

    @Test
    void aMemberStartedTwiceOnOneStateDirWithoutANameKeepsItsName() throws Exception {
        MemberAgent bravo = members.start(members.config("bravo", state.resolve("bravo")).withRoles(List.of("db")));
        Path nameless = state.resolve("nameless");
        String name = NodeNames.resolve(nameless, null);
        MemberAgentConfig config = members.config(name, nameless).withRoles(List.of("web"))
                .withJoin(List.of(bravo.config().bind()));
        MemberAgent first = members.start(config);
        awaitAlive(bravo, "bravo", name);

        first.leave();
        await().atMost(PATIENCE).until(() -> statusOf(bravo, name), Optional.of(MemberStatus.LEFT)::equals);
        String again = NodeNames.resolve(nameless, null);
        MemberAgent second = members.start(config.withName(again));

        assertThat(again).isEqualTo(name).matches("[a-z0-9-]+-[0-9a-f]{6}");
        assertThat(second.name()).isEqualTo(name);
        // the same member is back, not a new one beside the ghost of the old
        awaitAlive(bravo, "bravo", name);
        assertThat(bravo.members()).extracting(Member::name).containsExactlyInAnyOrder("bravo", name);
    }

    @Test
    void theTransitionCounterContinuesAcrossAnAgentRestartOnTheSameStateDir() throws Exception {
        String yaml = """
                children:
                  - api:
                      exec: /bin/sleep 1000
                      stopwaitsecs: 5
                """;
        MemberAgentConfig config = fromYaml("alpha", yaml);
        MemberAgent first = members.create(config);
        TransitionRecorder before = new TransitionRecorder();
        first.supervisor().subscribe(before);
        members.start(first);
        awaitState(first, "api", SupervisorState.RUNNING);
        first.leave();
        List<Long> countersBefore = before.counters();
        long last = countersBefore.getLast();
        assertThat(before.moves("api")).containsExactly(
                "STOPPED->STARTING", "STARTING->RUNNING", "RUNNING->STOPPING", "STOPPING->STOPPED");
        assertThat(countersBefore).isSorted().doesNotHaveDuplicates();

        MemberAgent second = members.create(fromYaml("alpha", yaml));
        TransitionRecorder after = new TransitionRecorder();
        second.supervisor().subscribe(after);
        members.start(second);
        awaitState(second, "api", SupervisorState.RUNNING);

        assertThat(after.moves("api")).containsExactly("STOPPED->STARTING", "STARTING->RUNNING");
        assertThat(after.counters()).isSorted().doesNotHaveDuplicates()
                .allSatisfy(counter -> assertThat(counter).isGreaterThan(last));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(new MemberFiles(config.stateDir()).childrenByName()
                .path("api").path("status").path("counter").asLong()).isEqualTo(after.counters().getLast()));
    }

    // ---- helpers

    private MemberAgentConfig fromYaml(String name, String yaml) throws ConfigException {
        SerfnodeConfig file = SerfnodeConfigLoader.load(yaml, name + "/serfnode.yml", Map.of());
        return members.config(name, state.resolve(name)).withRoles(file.roles()).withChildren(file.children());
    }

    private MemberAgentConfig joining(String name, MemberAgent through, String... roles) {
        return members.config(name, state.resolve(name)).withRoles(List.of(roles))
                .withJoin(List.of(through.config().bind()));
    }

    /** Installs {@code handlers/deploy}, which keeps the payload it gets on stdin in {@code deploy.out}. */
    private static MemberAgentConfig withDeployHandler(MemberAgentConfig config) throws IOException {
        Path handler = Files.createDirectories(config.stateDir().resolve("handlers")).resolve("deploy");
        Files.writeString(handler, """
                #!/bin/sh
                cat > "$SERFNODE_STATE_DIR/deploy.tmp" && mv "$SERFNODE_STATE_DIR/deploy.tmp" "$SERFNODE_STATE_DIR/deploy.out"
                """);
        Files.setPosixFilePermissions(handler, PosixFilePermissions.fromString("rwxr-xr-x"));
        return config;
    }

    /** Stops the process with SIGSTOP (the JDK cannot send it, the system's kill can). */
    private static void freeze(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).as("kill -STOP %d finished", pid).isTrue();
        assertThat(kill.exitValue()).as("kill -STOP %d: %s", pid,
                new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }

    private static ChildCommandResult done(CompletionStage<ChildCommandResult> command) throws Exception {
        return command.toCompletableFuture().get(COMMAND_SECONDS, TimeUnit.SECONDS);
    }

    private static void awaitAlive(MemberAgent observer, String... names) {
        await(observer.name() + " sees " + List.of(names) + " alive").atMost(PATIENCE)
                .untilAsserted(() -> assertThat(observer.members())
                        .filteredOn(member -> member.status() == MemberStatus.ALIVE)
                        .extracting(Member::name)
                        .containsExactlyInAnyOrder(names));
    }

    private static void awaitState(MemberAgent agent, String child, SupervisorState state) {
        await(child + " of " + agent.name() + " is " + state).atMost(PATIENCE)
                .until(() -> agent.supervisor().status(child).map(ChildStatus::state), Optional.of(state)::equals);
    }

    /** The member's entry as it gossips itself, once it sees itself. */
    private static ObjectNode entryOf(MemberAgent agent) {
        await().atMost(PATIENCE).until(() -> find(agent, agent.name()).isPresent());
        return MemberFiles.serfnodeEntry(find(agent, agent.name()).orElseThrow());
    }

    private static String ip(MemberAgent agent) {
        return agent.config().bind().host();
    }

    private static Optional<Member> find(MemberAgent agent, String name) {
        return agent.members().stream().filter(member -> member.name().equals(name)).findFirst();
    }

    private static Optional<MemberStatus> statusOf(MemberAgent agent, String name) {
        return find(agent, name).map(Member::status);
    }

    private static void assertRunningProcessChild(MemberAgent agent, JsonNode child, String exec) {
        ObjectNode described = JsonNodeFactory.instance.objectNode();
        described.put("name", child.path("child").path("name").asText());
        described.put("runtime", "process");
        described.put("exec", exec);
        assertThat(child.path("child")).isEqualTo(described);
        JsonNode status = child.path("status");
        assertThat(status.path("state").asText()).isEqualTo("RUNNING");
        assertThat(status.path("attempt").asInt()).isEqualTo(1);
        assertThat(status.path("restarts").asInt()).isZero();
        ChildStatus live = agent.supervisor().status(described.path("name").asText()).orElseThrow();
        assertThat(status.path("pid").asLong()).isEqualTo(live.pid());
        assertThat(status.path("counter").asLong()).isEqualTo(live.counter());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<UserEvent> named(List<UserEvent> events, String name) {
        return events.stream().filter(event -> event.name().equals(name)).toList();
    }

    private static <T> List<T> prepend(T first, List<T> rest) {
        List<T> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
