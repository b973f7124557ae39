package io.serfnode.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.testing.AgentProcessCluster;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code serfnode console --connect … --snapshot-png F --exit}: the real main class in its own JVM. */
class SnapshotPngIT {
    @RegisterExtension
    static final AgentProcessCluster cluster = AgentProcessCluster.threeMembers();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void endConsoles() throws InterruptedException {
        for (Process console : started) {
            console.destroyForcibly();
            console.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void writesAPngOfTheLiveClusterAndExitsWithZero() throws Exception {
        Path png = dir.resolve("shots/console.png");

        Result result = runConsole("--connect", cluster.wsUrl("db-1").toString(),
                "--token-file", cluster.tokenFile().toString(), "--snapshot-png", png.toString(), "--exit");

        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).contains("wrote " + png.toAbsolutePath());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(780);
        assertThat(Files.size(png)).as("a picture with content, not a blank window").isGreaterThan(30_000);
        // kept for a look after the build
        Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(png, Path.of("target/screenshots/console-live.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void exitsNonZeroWithAClearMessageWhenTheTokenIsWrong() throws Exception {
        Path wrongToken = Files.writeString(dir.resolve("wrong-token"), "not-the-token\n");

        Result result = runConsole("--connect", cluster.wsUrl("db-1").toString(),
                "--token-file", wrongToken.toString(), "--snapshot-png", dir.resolve("never.png").toString(), "--exit");

        assertThat(result.status()).as(result.output()).isEqualTo(ScriptedStart.CANNOT_CONNECT);
        assertThat(result.output()).contains("serfnode console: cannot connect to " + cluster.wsUrl("db-1"));
        assertThat(dir.resolve("never.png")).doesNotExist();
    }

    @Test
    void exitsNonZeroWhenTheTokenFileIsMissing() throws Exception {
        Result result = runConsole("--connect", cluster.wsUrl("db-1").toString(),
                "--token-file", dir.resolve("absent").toString(), "--snapshot-png", dir.resolve("x.png").toString(),
                "--exit");

        assertThat(result.status()).as(result.output()).isEqualTo(ScriptedStart.BAD_TOKEN_FILE);
        assertThat(result.output()).contains("the token file " + dir.resolve("absent") + " does not exist");
    }

    private record Result(int status, String output) {
    }

    private Result runConsole(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "io.serfnode.console.ConsoleMain", "--config-dir", dir.resolve("config").toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("console-" + started.size() + ".log");
        Process console = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(console);
        if (!console.waitFor(120, TimeUnit.SECONDS)) {
            throw new AssertionError("the console did not exit within 120 s:\n" + Files.readString(log));
        }
        return new Result(console.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
