package io.serfnode.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.ChildExit;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import io.serfnode.model.RuntimeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker runtime against the real engine, with the busybox test image and host networking. */
class DockerChildRuntimeIT {
    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    private final List<String> members = new ArrayList<>();
    private final List<DockerChildRuntime> runtimes = new ArrayList<>();
    private TestEngine engine;
    private String member;
    private DockerChildRuntime runtime;

    @TempDir
    Path dir;

    @BeforeEach
    void open() throws ChildRuntimeException {
        engine = new TestEngine();
        member = memberFor("runtime");
        runtime = runtimeFor(member, DockerRuntimeConfig.DEFAULTS);
    }

    @AfterEach
    void removeEverythingTheTestStarted() throws Exception {
        try {
            runtimes.forEach(DockerChildRuntime::close);
            members.forEach(engine::removeContainersOf);
            assertThat(members).allSatisfy(created -> assertThat(engine.containersOf(created)).isEmpty());
        } finally {
            engine.close();
        }
    }

    private String memberFor(String purpose) {
        String name = TestEngine.uniqueMember(purpose);
        members.add(name);
        return name;
    }

    private DockerChildRuntime runtimeFor(String memberName, DockerRuntimeConfig config) throws ChildRuntimeException {
        DockerChildRuntime opened = DockerChildRuntime.open(memberName, config);
        runtimes.add(opened);
        return opened;
    }

    private static ChildSpec shell(String name, String script) {
        return ChildSpec.docker(name, TestEngine.IMAGE, List.of("sh", "-c", script));
    }

    private ChildSpec withData(ChildSpec spec) {
        return new ChildSpec(spec.name(), RuntimeKind.DOCKER, spec.image(), spec.command(), null, null, null,
                List.of(dir + ":/data"), null, null, null, null, null, null, false, null);
    }

    private static ChildExit exitOf(RunningChild child) throws Exception {
        return child.onExit().toCompletableFuture().get(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void reportsTheExitCodeOfAChildThatEnds() throws Exception {
        RunningChild child = runtime.start(withData(shell("writer", "echo written > /data/out; exit 3")));

        assertThat(exitOf(child).exitCode()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("out"))).isEqualTo("written\n");
        assertThat(child.containerId()).contains(child.id());
        assertThat(child.childName()).isEqualTo("writer");
    }

    @Test
    void deliversTermToAChildThatTrapsIt() throws Exception {
        RunningChild child = runtime.start(withData(shell("trapper",
                "trap 'echo stopping > /data/term; exit 42' TERM; touch /data/ready;"
                        + " while true; do sleep 0.1; done")));
        await().atMost(EXIT_WAIT).until(() -> Files.exists(dir.resolve("ready")));
        assertThat(child.pid()).isPresent();

        child.signal("TERM");

        assertThat(exitOf(child).exitCode()).isEqualTo(42);
        assertThat(Files.readString(dir.resolve("term"))).isEqualTo("stopping\n");
    }

    @Test
    void killEndsAChildThatIgnoresSignals() throws Exception {
        RunningChild child = runtime.start(withData(shell("stubborn",
                "trap '' TERM INT; touch /data/ready; while true; do sleep 0.1; done")));
        await().atMost(EXIT_WAIT).until(() -> Files.exists(dir.resolve("ready")));

        child.kill();

        assertThat(exitOf(child).exitCode()).isEqualTo(128 + 9);
    }

    @Test
    void refusesUnknownSignalsAndSignalsToEndedChildren() throws Exception {
        RunningChild child = runtime.start(shell("brief", "exit 0"));
        assertThat(exitOf(child).exitCode()).isZero();

        assertThatThrownBy(() -> child.signal("BOGUS")).isInstanceOf(ChildRuntimeException.class)
                .hasMessageContaining("unknown signal 'BOGUS'");
        assertThatThrownBy(() -> child.signal("TERM")).isInstanceOf(ChildRuntimeException.class)
                .hasMessageContaining("not running");
    }

    @Test
    void rewritesVolumesFromAndLinksToTheSiblingsContainerName() throws Exception {
        RunningChild data = runtime.start(new ChildSpec("data", RuntimeKind.DOCKER, TestEngine.IMAGE,
                List.of("sh", "-c", "echo shared > /shared/file; sleep 600"), null, null, null,
                List.of("/shared"), null, null, null, null, null, null, false, null));
        RunningChild app = runtime.start(new ChildSpec("app", RuntimeKind.DOCKER, TestEngine.IMAGE,
                List.of("sh", "-c", "until [ -f /shared/file ]; do sleep 0.1; done;"
                        + " grep -q shared /shared/file && grep -qw db /etc/hosts"),
                null, null, null, null, List.of("data"), List.of("data:db"), null, null, null, null, false, null));

        assertThat(exitOf(app).exitCode()).isZero();
        String dataName = ContainerNames.of(member, "data");
        InspectContainerResponse appContainer = engine.inspect(ContainerNames.of(member, "app")).orElseThrow();
        assertThat(appContainer.getHostConfig().getVolumesFrom())
                .extracting(volumes -> volumes.getContainer()).containsExactly(dataName);
        assertThat(appContainer.getHostConfig().getExtraHosts())
                .contains("db:127.0.0.1", dataName + ":127.0.0.1");
        assertThat(engine.inspect(dataName)).get().extracting(c -> c.getId()).isEqualTo(data.id());
        data.kill();
        assertThat(exitOf(data).exitCode()).isEqualTo(137);
    }

    @Test
    void labelsContainersWithMemberChildAndSpecHash() throws Exception {
        ChildSpec spec = shell("labelled", "sleep 600");
        RunningChild child = runtime.start(spec);

        InspectContainerResponse container = engine.inspect(child.id()).orElseThrow();

        assertThat(container.getName()).isEqualTo("/" + ContainerNames.of(member, "labelled"));
        assertThat(container.getConfig().getLabels()).containsAllEntriesOf(Map.of(
                ContainerLabels.MEMBER, member,
                ContainerLabels.CHILD, "labelled",
                ContainerLabels.SPEC_HASH, ContainerLabels.specHash(spec)));
        assertThat(container.getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(container.getHostConfig().getPrivileged()).isFalse();
        child.kill();
        exitOf(child);
    }

    @Test
    void adoptsRunningLeftoversAndRemovesExitedOnes() throws Exception {
        RunningChild web = runtime.start(shell("web", "sleep 600"));
        RunningChild job = runtime.start(shell("job", "exit 0"));
        assertThat(exitOf(job).exitCode()).isZero();
        runtime.close(); // the agent goes away; its containers stay

        DockerChildRuntime restarted = runtimeFor(member, DockerRuntimeConfig.DEFAULTS);
        List<? extends RunningChild> leftovers = restarted.findLeftovers(member, null);

        assertThat(leftovers).singleElement().satisfies(adopted -> {
            assertThat(adopted.id()).isEqualTo(web.id());
            assertThat(adopted.childName()).isEqualTo("web");
            assertThat(((DockerRunningChild) adopted).adopted()).isTrue();
        });
        assertThat(engine.inspect(job.id())).isEmpty();
        assertThat(restarted.findLeftovers(member, null)).singleElement().isSameAs(leftovers.getFirst());

        engine.client().killContainerCmd(web.id()).withSignal("KILL").exec();
        assertThat(exitOf(leftovers.getFirst()).exitCode()).isEqualTo(137);
    }

    @Test
    void removesRunningLeftoversWhoseSpecChanged() throws Exception {
        runtime.start(shell("web", "sleep 600"));
        RunningChild kept = runtime.start(shell("db", "sleep 600"));

        List<DockerRunningChild> adopted = runtime.findLeftovers(member,
                List.of(shell("web", "sleep 601"), shell("db", "sleep 600")));

        assertThat(adopted).extracting(RunningChild::id).containsExactly(kept.id());
        assertThat(engine.inspect(ContainerNames.of(member, "web"))).isEmpty();
        kept.kill();
        exitOf(kept);
    }

    @Test
    void startingAgainReplacesTheExitedContainerOfTheChild() throws Exception {
        RunningChild first = runtime.start(shell("again", "exit 5"));
        assertThat(exitOf(first).exitCode()).isEqualTo(5);

        RunningChild second = runtime.start(shell("again", "exit 6"));

        assertThat(exitOf(second).exitCode()).isEqualTo(6);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(engine.inspect(first.id())).isEmpty();
    }

    @Test
    void namesTheMissingImage() {
        ChildSpec spec = ChildSpec.docker("ghost", "serfnode-test/absent:never", List.of("true"));

        assertThatThrownBy(() -> runtime.start(spec))
                .isInstanceOf(ChildRuntimeException.class)
                .hasMessageContaining("child 'ghost'")
                .hasMessageContaining("image 'serfnode-test/absent:never' is not on the Docker engine");
        assertThat(engine.containersOf(member)).isEmpty();
    }

    @Test
    void refusesPrivilegedChildrenWhenTheMemberDoesNotAllowThem() {
        ChildSpec spec = new ChildSpec("root", RuntimeKind.DOCKER, TestEngine.IMAGE, List.of("sleep", "600"), null,
                null, null, null, null, null, null, null, null, null, true, null);

        assertThatThrownBy(() -> runtime.start(spec))
                .isInstanceOf(ChildRuntimeException.class)
                .hasMessageContaining("child 'root' asks to run privileged");
        assertThat(engine.containersOf(member)).isEmpty();
    }

    @Test
    void reportsAnExternalDockerKillFromTheEventStream() throws Exception {
        RunningChild child = runtime.start(shell("victim", "sleep 600"));

        engine.client().killContainerCmd(child.id()).withSignal("KILL").exec();

        ChildExit exit = exitOf(child);
        assertThat(exit.exitCode()).isEqualTo(137);
        assertThat(exit.at()).isNotNull();
    }

    @Test
    void reportsAContainerRemovedBehindItsBack() throws Exception {
        RunningChild child = runtime.start(shell("removed", "sleep 600"));

        engine.client().removeContainerCmd(child.id()).withForce(true).exec();

        assertThat(exitOf(child).exitCode()).isEqualTo(137);
    }

    @Test
    void removeDeletesTheContainer() throws Exception {
        RunningChild child = runtime.start(shell("gone", "exit 0"));
        exitOf(child);

        child.remove();

        assertThat(engine.inspect(child.id())).isEmpty();
    }

    @Test
    void failsClearlyWhenNoEngineAnswers() {
        DockerRuntimeConfig nowhere = DockerRuntimeConfig.DEFAULTS
                .withDockerHost(java.net.URI.create("unix://" + dir.resolve("no-engine.sock")))
                .withRequestTimeout(Duration.ofSeconds(5));

        assertThatThrownBy(() -> DockerChildRuntime.open(member, nowhere))
                .isInstanceOf(ChildRuntimeException.class)
                .hasMessageContaining("no Docker engine answers at unix://" + dir.resolve("no-engine.sock"));
    }
}
