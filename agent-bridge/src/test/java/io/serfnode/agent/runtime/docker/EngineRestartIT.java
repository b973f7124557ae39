package io.serfnode.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.RunningChild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's event stream across a restart of its engine (a private one: the shared engine stays up). */
class EngineRestartIT {
    private final String member = TestEngine.uniqueMember("restart");

    @TempDir
    Path dir;

    private PrivateEngine engine;
    private DockerChildRuntime runtime;

    @BeforeEach
    void startEngine() throws Exception {
        engine = new PrivateEngine(dir);
        engine.start();
        try (TestEngine shared = new TestEngine()) {
            engine.loadImageFrom(shared);
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (runtime != null) {
                runtime.close();
            }
        } finally {
            engine.stop(); // its containers stop with it and vanish with its scratch directory
        }
    }

    private static ChildSpec sleeper(String name) {
        return ChildSpec.docker(name, TestEngine.IMAGE, List.of("sleep", "600"));
    }

    @Test
    void reportsExitsThroughTheReopenedStreamAfterTheEngineRestarts() throws Exception {
        runtime = DockerChildRuntime.open(member, DockerRuntimeConfig.DEFAULTS.withDockerHost(engine.host()));
        RunningChild before = runtime.start(sleeper("before"));

        engine.stop();
        assertThat(before.onExit().toCompletableFuture().get(60, TimeUnit.SECONDS)).isNotNull();
        engine.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.eventStreamOpenings() >= 2);

        RunningChild after = runtime.start(sleeper("after"));
        try (DockerClient client = engine.client()) {
            client.killContainerCmd(after.id()).withSignal("KILL").exec();
        }
        assertThat(after.onExit().toCompletableFuture().get(60, TimeUnit.SECONDS).exitCode()).isEqualTo(137);
    }
}
