package io.serfnode.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/console-jvm-options}, which {@code bin/serfnode console} and the console's benchmarks start the
 * console with: its flags, and a class-data archive that follows the jars it was made from.
 */
class ConsoleJvmOptionsIT {
    private static final Path SCRIPT = Path.of("..", "scripts", "console-jvm-options").toAbsolutePath().normalize();
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;

    @Test
    void printsTheConsoleFlagsAloneWithoutAnArchive() throws Exception {
        Run run = run();

        assertThat(run.exit()).isZero();
        assertThat(run.lines()).contains("-XX:MaxGCPauseMillis=10", "-XX:TieredStopAtLevel=1")
                .noneMatch(line -> line.startsWith("#") || line.isBlank() || line.contains("SharedArchiveFile"));
    }

    @Test
    void namesANewArchiveWhenAJarChangesAndTheJvmWritesIt() throws Exception {
        Path jar = probeJar();
        Path archive = dir.resolve("archives").resolve("console.jsa");

        Run options = run(archive.toString(), JDK.toString(), jar.toString());
        Path first = archiveOf(options);
        assertThat(first.getFileName().toString()).matches("console-[0-9]+\\.jsa");
        assertThat(first).doesNotExist();
        runProbe(options.lines(), jar);
        assertThat(first).as("written when the JVM exits").isNotEmptyFile();
        assertThat(archiveOf(run(archive.toString(), JDK.toString(), jar.toString()))).isEqualTo(first);
        assertThat(first).as("kept while the jars stay as they were").exists();

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Run changed = run(archive.toString(), JDK.toString(), jar.toString());
        Path second = archiveOf(changed);

        assertThat(second).isNotEqualTo(first).doesNotExist();
        assertThat(first).as("the archive of the old jar is removed").doesNotExist();
        runProbe(changed.lines(), jar);
        assertThat(second).isNotEmptyFile();
    }

    @Test
    void removesAnArchiveNamedWithoutAKey() throws Exception {
        Path jar = probeJar();
        Path unkeyed = Files.writeString(dir.resolve("console.jsa"), "an archive of an older launcher");

        Path keyed = archiveOf(run(unkeyed.toString(), JDK.toString(), dir.toString()));

        assertThat(unkeyed).doesNotExist();
        assertThat(keyed.getParent()).isEqualTo(dir);
        assertThat(jar).exists();
    }

    @Test
    void refusesAPathThatIsNotThere() throws Exception {
        Run run = run(dir.resolve("console.jsa").toString(), JDK.toString(), dir.resolve("missing.jar").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.lines()).isEmpty();
        assertThat(run.errors()).contains("missing.jar does not exist");
    }

    @Test
    void refusesAJdkWithoutAReleaseFile() throws Exception {
        Run run = run(dir.resolve("console.jsa").toString(), dir.toString(), probeJar().toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errors()).contains(dir + " is not a JDK");
    }

    private Path probeJar() throws IOException {
        Path jar = dir.resolve("probe.jar");
        String entry = ArchiveProbeMain.class.getName().replace('.', '/') + ".class";
        try (InputStream in = ArchiveProbeMain.class.getResourceAsStream("/" + entry);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            assertThat(in).as("the probe's class file").isNotNull();
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static void runProbe(List<String> options, Path jar) throws Exception {
        List<String> command = new ArrayList<>(List.of(JDK.resolve("bin").resolve("java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), ArchiveProbeMain.class.getName()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).as("no archive message on the console's output").isEqualTo("probe ran\n");
    }

    private static Path archiveOf(Run run) {
        assertThat(run.exit()).as(run.errors()).isZero();
        try (Stream<String> lines = run.lines().stream()) {
            return lines.filter(line -> line.startsWith("-XX:SharedArchiveFile=")).findFirst()
                    .map(line -> Path.of(line.substring("-XX:SharedArchiveFile=".length())))
                    .orElseThrow(() -> new AssertionError("no archive flag in " + run.lines()));
        }
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        byte[] errors = process.getErrorStream().readAllBytes();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output.lines().toList(), new String(errors, StandardCharsets.UTF_8));
    }

    private record Run(int exit, List<String> lines, String errors) {
    }
}
