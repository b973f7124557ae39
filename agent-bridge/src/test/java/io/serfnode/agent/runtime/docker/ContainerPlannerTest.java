package io.serfnode.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumesFrom;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.model.RuntimeKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerPlannerTest {
    private final ContainerPlanner onHost = new ContainerPlanner("node-1", DockerRuntimeConfig.DEFAULTS);

    private static ChildSpec app(List<String> volumes, List<String> volumesFrom, List<String> links,
            List<String> ports, List<String> expose) {
        return new ChildSpec("app", RuntimeKind.DOCKER, "serfnode-test/busybox:latest", List.of("sh", "-c", "run"),
                List.of("/bin/entry"), null, Map.of("B", "2", "A", "1"), volumes, volumesFrom, links, ports, expose,
                Path.of("/srv"), "nobody", false, null);
    }

    private static ChildSpec simple(String name) {
        return ChildSpec.docker(name, "serfnode-test/busybox:latest", List.of());
    }

    @Test
    void mapsTheSpecsOwnSettings() {
        ContainerPlan plan = onHost.plan(app(List.of(), List.of(), List.of(), List.of(), List.of()));

        assertThat(plan.name()).isEqualTo("serfnode-node-1-app");
        assertThat(plan.image()).isEqualTo("serfnode-test/busybox:latest");
        assertThat(plan.command()).containsExactly("sh", "-c", "run");
        assertThat(plan.entrypoint()).containsExactly("/bin/entry");
        assertThat(plan.environment()).containsExactly("A=1", "B=2");
        assertThat(plan.workingDir()).isEqualTo("/srv");
        assertThat(plan.user()).isEqualTo("nobody");
        assertThat(plan.privileged()).isFalse();
        assertThat(plan.labels()).containsEntry(ContainerLabels.MEMBER, "node-1")
                .containsEntry(ContainerLabels.CHILD, "app")
                .containsKey(ContainerLabels.SPEC_HASH);
    }

    @Test
    void sharesTheMembersNetworkByDefault() {
        assertThat(onHost.plan(simple("x")).networkMode()).isEqualTo("host");
        assertThat(new ContainerPlanner("m", DockerRuntimeConfig.insideContainer("agent1")).plan(simple("x"))
                .networkMode()).isEqualTo("container:agent1");
    }

    @Test
    void mapsBindsNamedAndAnonymousVolumes() {
        ContainerPlan plan = onHost.plan(app(List.of("/var/data:/data", "cache:/cache:ro", "/scratch"),
                List.of(), List.of(), List.of(), List.of()));

        assertThat(plan.binds()).extracting(Bind::getPath, bind -> bind.getVolume().getPath(), Bind::getAccessMode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/var/data", "/data", AccessMode.rw),
                        org.assertj.core.groups.Tuple.tuple("cache", "/cache", AccessMode.ro));
        assertThat(plan.anonymousVolumes()).extracting(Volume::getPath).containsExactly("/scratch");
    }

    @Test
    void rewritesVolumesFromToTheSiblingsContainerName() {
        ContainerPlan plan = onHost.plan(app(List.of(), List.of("data", "config:ro"), List.of(), List.of(), List.of()));

        assertThat(plan.volumesFrom()).extracting(VolumesFrom::getContainer, VolumesFrom::getAccessMode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("serfnode-node-1-data", AccessMode.DEFAULT),
                        org.assertj.core.groups.Tuple.tuple("serfnode-node-1-config", AccessMode.ro));
    }

    @Test
    void turnsLinksIntoHostEntriesOnTheHostNetwork() {
        ContainerPlan plan = onHost.plan(app(List.of(), List.of(), List.of("db:database", "cache"), List.of(),
                List.of()));

        assertThat(plan.links()).isEmpty();
        assertThat(plan.extraHosts()).containsExactly(
                "database:127.0.0.1", "serfnode-node-1-db:127.0.0.1",
                "cache:127.0.0.1", "serfnode-node-1-cache:127.0.0.1");
    }

    @Test
    void linksResolveToTheConfiguredAddress() {
        ContainerPlan plan = new ContainerPlanner("node-1", DockerRuntimeConfig.DEFAULTS.withLinkAddress("127.0.0.7"))
                .plan(app(List.of(), List.of(), List.of("db"), List.of(), List.of()));

        assertThat(plan.extraHosts()).containsExactly("db:127.0.0.7", "serfnode-node-1-db:127.0.0.7");
    }

    @Test
    void rewritesLinksToTheSiblingsContainerNameOnANamedNetwork() {
        ContainerPlanner onBridge = new ContainerPlanner("node-1",
                DockerRuntimeConfig.DEFAULTS.withNetwork(ChildNetwork.named("bridge")));

        ContainerPlan plan = onBridge.plan(app(List.of(), List.of(), List.of("db:database", "cache"),
                List.of("127.0.0.1:8080:80"), List.of("9000/udp")));

        assertThat(plan.links()).extracting(Link::getName, Link::getAlias).containsExactly(
                org.assertj.core.groups.Tuple.tuple("serfnode-node-1-db", "database"),
                org.assertj.core.groups.Tuple.tuple("serfnode-node-1-cache", "cache"));
        assertThat(plan.extraHosts()).isEmpty();
        assertThat(plan.portBindings()).hasSize(1);
        assertThat(plan.portBindings().getFirst().getBinding().getHostIp()).isEqualTo("127.0.0.1");
        assertThat(plan.portBindings().getFirst().getBinding().getHostPortSpec()).isEqualTo("8080");
        assertThat(plan.exposedPorts()).containsExactly(ExposedPort.udp(9000), ExposedPort.tcp(80));
    }

    @Test
    void leavesOutWhatDockerRefusesInTheAgentsContainerAndSaysSo() {
        ContainerPlanner inContainer = new ContainerPlanner("node-1", DockerRuntimeConfig.insideContainer("agent1"));

        ContainerPlan plan = inContainer.plan(app(List.of(), List.of(), List.of("db"), List.of("8080:80"),
                List.of("9000")));

        assertThat(plan.links()).isEmpty();
        assertThat(plan.extraHosts()).isEmpty();
        assertThat(plan.portBindings()).isEmpty();
        assertThat(plan.exposedPorts()).isEmpty();
        assertThat(plan.notes()).hasSize(3).anySatisfy(note -> assertThat(note).contains("link 'db'"));
    }

    @Test
    void doesNotPublishPortsOnTheHostNetwork() {
        ContainerPlan plan = onHost.plan(app(List.of(), List.of(), List.of(), List.of("8080:80"), List.of("9000")));

        assertThat(plan.portBindings()).isEmpty();
        assertThat(plan.exposedPorts()).containsExactly(ExposedPort.tcp(9000));
        assertThat(plan.notes()).singleElement().asString().contains("8080:80");
    }

    @Test
    void refusesPrivilegedChildrenUnlessTheMemberAllowsThem() {
        ChildSpec privileged = new ChildSpec("root", RuntimeKind.DOCKER, "img", null, null, null, null, null, null,
                null, null, null, null, null, true, null);

        assertThatThrownBy(() -> onHost.plan(privileged))
                .hasMessageContaining("child 'root'")
                .hasMessageContaining("privileged");
        assertThat(new ContainerPlanner("m", DockerRuntimeConfig.DEFAULTS.withAllowPrivileged(true))
                .plan(privileged).privileged()).isTrue();
    }

    @Test
    void rejectsBadEntriesNamingChildKeyAndEntry() {
        assertThatThrownBy(() -> onHost.plan(app(List.of("./data:/data"), List.of(), List.of(), List.of(), List.of())))
                .hasMessageContaining("child 'app'").hasMessageContaining("volumes entry './data:/data'")
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> onHost.plan(app(List.of("/a:data"), List.of(), List.of(), List.of(), List.of())))
                .hasMessageContaining("'data' must be absolute");
        assertThatThrownBy(() -> onHost.plan(app(List.of("/a:/b:xx"), List.of(), List.of(), List.of(), List.of())))
                .hasMessageContaining("volumes entry '/a:/b:xx'").hasMessageContaining("mode");
        assertThatThrownBy(() -> onHost.plan(app(List.of(), List.of("data:rx"), List.of(), List.of(), List.of())))
                .hasMessageContaining("volumes_from entry 'data:rx'");
        assertThatThrownBy(() -> onHost.plan(app(List.of(), List.of(), List.of("app"), List.of(), List.of())))
                .hasMessageContaining("links entry 'app'").hasMessageContaining("itself");
        assertThatThrownBy(() -> onHost.plan(app(List.of(), List.of(), List.of(), List.of("http"), List.of())))
                .hasMessageContaining("ports entry 'http'");
        assertThatThrownBy(() -> onHost.plan(app(List.of(), List.of(), List.of(), List.of(), List.of("80/xyz"))))
                .hasMessageContaining("expose entry '80/xyz'");
    }

    @Test
    void refusesProcessChildren() {
        assertThatThrownBy(() -> onHost.plan(ChildSpec.process("p", List.of("true"))))
                .hasMessageContaining("child 'p'").hasMessageContaining("image");
    }

    @Test
    void fillsTheCreateCommand() {
        ContainerPlan plan = onHost.plan(app(List.of("/var/data:/data", "/scratch"), List.of("data"),
                List.of("db"), List.of(), List.of("9000")));
        CreateContainerCmd cmd = new CreateContainerCmdImpl(
                command -> {
                    throw new AssertionError("not sent in a unit test");
                }, null, plan.image());

        plan.applyTo(cmd);

        assertThat(cmd.getName()).isEqualTo("serfnode-node-1-app");
        assertThat(cmd.getImage()).isEqualTo("serfnode-test/busybox:latest");
        assertThat(cmd.getCmd()).containsExactly("sh", "-c", "run");
        assertThat(cmd.getEntrypoint()).containsExactly("/bin/entry");
        assertThat(cmd.getEnv()).containsExactly("A=1", "B=2");
        assertThat(cmd.getWorkingDir()).isEqualTo("/srv");
        assertThat(cmd.getUser()).isEqualTo("nobody");
        assertThat(cmd.getLabels()).isEqualTo(plan.labels());
        assertThat(cmd.getVolumes()).extracting(Volume::getPath).containsExactly("/scratch");
        assertThat(cmd.getExposedPorts()).containsExactly(ExposedPort.tcp(9000));
        assertThat(cmd.getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(cmd.getHostConfig().getPrivileged()).isFalse();
        assertThat(cmd.getHostConfig().getBinds()).extracting(Bind::getPath).containsExactly("/var/data");
        assertThat(cmd.getHostConfig().getVolumesFrom()).extracting(VolumesFrom::getContainer)
                .containsExactly("serfnode-node-1-data");
        assertThat(cmd.getHostConfig().getExtraHosts()).containsExactly("db:127.0.0.1",
                "serfnode-node-1-db:127.0.0.1");
    }

    @Test
    void leavesTheImagesCommandAndEntrypointWhenTheSpecHasNone() {
        CreateContainerCmd cmd = new CreateContainerCmdImpl(
                command -> {
                    throw new AssertionError("not sent in a unit test");
                }, null, "img");

        onHost.plan(simple("plain")).applyTo(cmd);

        assertThat(cmd.getCmd()).isNull();
        assertThat(cmd.getEntrypoint()).isNull();
        assertThat(cmd.getWorkingDir()).isNull();
        assertThat(cmd.getUser()).isNull();
    }
}
