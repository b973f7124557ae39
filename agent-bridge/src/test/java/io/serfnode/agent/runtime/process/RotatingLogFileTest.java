package io.serfnode.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {
    @TempDir
    Path dir;

    private static void write(RotatingLogFile file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        file.write(bytes, 0, bytes.length);
    }

    @Test
    void appendsUntilTheFileIsFull() throws IOException {
        Path path = dir.resolve("web.stdout.log");
        try (RotatingLogFile file = new RotatingLogFile(path, new LogRotation(10, 2))) {
            write(file, "abcde");
            write(file, "fghij");
        }
        assertThat(path).hasContent("abcdefghij");
        assertThat(dir.resolve("web.stdout.log.1")).doesNotExist();
    }

    @Test
    void shiftsOldFilesAndKeepsOnlyTheConfiguredBackups() throws IOException {
        Path path = dir.resolve("web.stdout.log");
        try (RotatingLogFile file = new RotatingLogFile(path, new LogRotation(4, 2))) {
            write(file, "aaaabbbbccccdd");
        }
        assertThat(path).hasContent("dd");
        assertThat(dir.resolve("web.stdout.log.1")).hasContent("cccc");
        assertThat(dir.resolve("web.stdout.log.2")).hasContent("bbbb");
        assertThat(dir.resolve("web.stdout.log.3")).doesNotExist();
    }

    @Test
    void continuesAnExistingFileAfterReopening() throws IOException {
        Path path = dir.resolve("web.stdout.log");
        Files.writeString(path, "abc");
        try (RotatingLogFile file = new RotatingLogFile(path, new LogRotation(5, 1))) {
            write(file, "defg");
        }
        assertThat(dir.resolve("web.stdout.log.1")).hasContent("abcde");
        assertThat(path).hasContent("fg");
    }

    @Test
    void keepsNoOldFileWithoutBackups() throws IOException {
        Path path = dir.resolve("web.stdout.log");
        try (RotatingLogFile file = new RotatingLogFile(path, new LogRotation(3, 0))) {
            write(file, "abcdef");
        }
        assertThat(path).hasContent("def");
        assertThat(dir.resolve("web.stdout.log.1")).doesNotExist();
    }
}
