package io.serfnode.agent.runtime.docker;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Docker engine of the test's own, in a scratch directory with its own socket, so that a test can stop
 * and restart it without touching the engine other tests share. vfs storage leaves no mounts behind.
 * Stopped by the PID the test started, pass or fail.
 */
public final class PrivateEngine implements AutoCloseable {
    private final Path dir;
    private final URI host;
    private Process dockerd;

    public PrivateEngine(Path dir) {
        this.dir = dir;
        this.host = URI.create("unix://" + dir.resolve("docker.sock"));
    }

    public URI host() {
        return host;
    }

    public void start() throws IOException {
        String binary = findDockerd();
        List<String> command = List.of(binary,
                "--host", host.toString(),
                "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("dockerd.pid").toString(),
                "--bridge=none", "--iptables=false", "--ip6tables=false",
                "--storage-driver=vfs",
                "--shutdown-timeout=2");
        dockerd = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dockerd.log").toFile()))
                .start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!dockerd.isAlive()) {
                fail("the private dockerd exited with " + dockerd.exitValue() + "; its log:\n"
                        + Files.readString(dir.resolve("dockerd.log")));
            }
            return answers();
        });
    }

    /** Copies the test image from the shared engine into this one. */
    public void loadImageFrom(TestEngine shared) throws IOException {
        try (DockerClient client = client(); InputStream image = shared.client().saveImageCmd(TestEngine.IMAGE).exec()) {
            client.loadImageCmd(image).exec();
        }
    }

    public DockerClient client() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.toString()).build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).responseTimeout(Duration.ofSeconds(30)).build());
    }

    private boolean answers() {
        try (DockerClient client = client()) {
            client.pingCmd().exec();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Stops the engine the way an operator's restart does; its containers stop with it. */
    public void stop() throws InterruptedException {
        if (dockerd == null) {
            return;
        }
        Process running = dockerd;
        dockerd = null;
        List<ProcessHandle> descendants = running.descendants().toList();
        running.destroy(); // SIGTERM: dockerd stops its containers and its containerd
        if (!running.waitFor(60, TimeUnit.SECONDS)) {
            running.destroyForcibly();
            running.waitFor(10, TimeUnit.SECONDS);
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        unmountLeftovers();
    }

    /** dockerd leaves its namespace bind mount (exec/netns/default) behind, which would pin the directory. */
    private void unmountLeftovers() throws InterruptedException {
        List<String> mounts;
        try {
            mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> line.split(" ")[4])
                    .filter(point -> point.startsWith(dir.toString() + "/"))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (IOException e) {
            return;
        }
        for (String point : mounts) {
            try {
                Process umount = new ProcessBuilder("umount", "-l", point)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!umount.waitFor(30, TimeUnit.SECONDS)) {
                    umount.destroyForcibly();
                }
            } catch (IOException e) {
                fail("cannot unmount " + point + " left by the private dockerd: " + e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static String findDockerd() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "dockerd");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        for (String fallback : List.of("/usr/sbin/dockerd", "/usr/bin/dockerd")) {
            if (Files.isExecutable(Path.of(fallback))) {
                return fallback;
            }
        }
        return fail("dockerd is not installed; run scripts/install-deps test (make test does)");
    }
}
