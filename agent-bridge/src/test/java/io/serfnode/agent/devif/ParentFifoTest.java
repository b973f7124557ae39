package io.serfnode.agent.devif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.devif.RecordingFifoCallback.Event;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.agent.support.ComponentLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentFifoTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ComponentLog LOG = ComponentLog.of("alpha", "parent-fifo");

    @TempDir
    Path stateDir;

    private final List<ParentFifo> opened = new ArrayList<>();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        opened.forEach(ParentFifo::close);
        for (Process process : started) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void deliversEachLineAsAnEventWithItsPayload() throws IOException {
        RecordingFifoCallback callback = new RecordingFifoCallback();
        open(ParentFifoConfig.inStateDir(stateDir), callback);

        write("[\"deploy\", {\"version\": \"1.2\"}]\n[\"ping\"]\n");
        write("[\"split\", ");
        write("{\"a\": 1}]\n");

        await().atMost(WAIT).until(() -> callback.events.size() == 3);
        assertThat(callback.events).containsExactly(
                new Event("deploy", "{\"version\":\"1.2\"}"), new Event("ping", ""), new Event("split", "{\"a\":1}"));
        assertThat(callback.rejections).isEmpty();
        assertThat(callback.signals).containsExactly("start");
    }

    @Test
    void acceptsLinesFromChildProcessesThatOpenAndCloseTheFifo() throws Exception {
        RecordingFifoCallback callback = new RecordingFifoCallback();
        open(ParentFifoConfig.inStateDir(stateDir), callback);

        for (int child = 1; child <= 3; child++) {
            Process process = new ProcessBuilder("sh", "-c", "echo '[\"from-child\", " + child + "]' > parent")
                    .directory(stateDir.toFile()).redirectErrorStream(true).start();
            started.add(process);
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("the child finished writing").isTrue();
            assertThat(process.exitValue()).isZero();
        }

        await().atMost(WAIT).until(() -> callback.events.size() == 3);
        assertThat(callback.events).extracting(Event::payload).containsExactly("1", "2", "3");
    }

    @Test
    void rejectsEachKindOfBadLineAndStillDeliversTheNextGoodLine() throws IOException {
        RecordingFifoCallback callback = new RecordingFifoCallback();
        open(ParentFifoConfig.inStateDir(stateDir), callback);

        write(String.join("\n",
                "this is not json",
                "{\"name\": \"deploy\"}",
                "[\"deploy\", 1, 2]",
                "[7, {}]",
                "[\"\", {}]",
                "[\"serfnode.sv\", {}]",
                "[\"rm -rf\", {}]",
                "[\"../escape\", {}]",
                "[\"after-the-bad-ones\", {\"ok\": true}]") + "\n");

        await().atMost(WAIT).until(() -> callback.events.size() == 1);
        assertThat(callback.events).containsExactly(new Event("after-the-bad-ones", "{\"ok\":true}"));
        assertThat(callback.rejections).extracting(RecordingFifoCallback.Rejection::lineNumber)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(callback.rejections).extracting(RecordingFifoCallback.Rejection::reason).satisfiesExactly(
                reason -> assertThat(reason).startsWith("not JSON"),
                reason -> assertThat(reason).contains("expected a JSON array"),
                reason -> assertThat(reason).contains("found 3 elements"),
                reason -> assertThat(reason).contains("must be a string"),
                reason -> assertThat(reason).contains("empty"),
                reason -> assertThat(reason).contains("reserved"),
                reason -> assertThat(reason).contains("may only hold"),
                reason -> assertThat(reason).contains("may only hold"));
        assertThat(callback.rejections.get(0).excerpt()).isEqualTo("this is not json");
    }

    @Test
    void rejectsAnOversizedLineWithoutBufferingItAndKeepsTheNextLine() throws IOException {
        RecordingFifoCallback callback = new RecordingFifoCallback();
        open(ParentFifoConfig.inStateDir(stateDir).withMaxLineBytes(1024), callback);
        String huge = "[\"big\", \"" + "x".repeat(200_000) + "\"]";

        write(huge + "\n[\"small\", {}]\n");

        await().atMost(WAIT).until(() -> callback.events.size() == 1);
        assertThat(callback.events).containsExactly(new Event("small", "{}"));
        assertThat(callback.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo("the line is " + huge.length() + " bytes long, at most 1024 are allowed");
            assertThat(rejection.excerpt()).startsWith("[\"big\", \"xxx").hasSizeLessThan(100);
            assertThat(rejection.lineNumber()).isEqualTo(1);
        });
    }

    @Test
    void acceptsALineOfExactlyTheLimit() throws IOException {
        RecordingFifoCallback callback = new RecordingFifoCallback();
        String line = "[\"e\", \"" + "y".repeat(100) + "\"]";
        open(ParentFifoConfig.inStateDir(stateDir).withMaxLineBytes(line.length()), callback);

        write(line + "\n");

        await().atMost(WAIT).until(() -> callback.events.size() == 1);
        assertThat(callback.rejections).isEmpty();
    }

    @Test
    void rejectsEventsSerfWouldRefuseForTheirSize() throws IOException {
        RecordingFifoCallback callback = new RecordingFifoCallback();
        open(ParentFifoConfig.inStateDir(stateDir).withEventCheck(SerfLimits.DEFAULTS::checkUserEvent), callback);

        write("[\"too-big\", \"" + "z".repeat(600) + "\"]\n[\"fits\", \"" + "z".repeat(400) + "\"]\n");

        await().atMost(WAIT).until(() -> callback.events.size() == 1);
        assertThat(callback.events).extracting(Event::name).containsExactly("fits");
        assertThat(callback.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).startsWith("serf would refuse the event: ").contains("too-big");
            assertThat(rejection.lineNumber()).isEqualTo(1);
        });
    }

    @Test
    void rejectsLinesThatAreNotUtf8() throws IOException {
        RecordingFifoCallback callback = new RecordingFifoCallback();
        open(ParentFifoConfig.inStateDir(stateDir), callback);

        try (OutputStream out = Files.newOutputStream(stateDir.resolve("parent"), StandardOpenOption.WRITE)) {
            out.write(new byte[] {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']', '\n'});
            out.write("[\"fine\"]\n".getBytes(StandardCharsets.UTF_8));
        }

        await().atMost(WAIT).until(() -> callback.events.size() == 1);
        assertThat(callback.rejections).extracting(RecordingFifoCallback.Rejection::reason)
                .containsExactly("the line is not UTF-8 text");
    }

    @Test
    void keepsReadingWhenACallbackThrows() throws IOException {
        RecordingFifoCallback recorder = new RecordingFifoCallback();
        ParentFifoCallback failingFirst = new ParentFifoCallback() {
            private boolean failed;

            @Override
            public void onEvent(String name, byte[] payload) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("callback trouble");
                }
                recorder.onEvent(name, payload);
            }

            @Override
            public void onRejected(String reason, String excerpt, long lineNumber) {
                recorder.onRejected(reason, excerpt, lineNumber);
            }
        };
        open(ParentFifoConfig.inStateDir(stateDir), failingFirst);

        write("[\"first\"]\n[\"second\"]\n");

        await().atMost(WAIT).until(() -> recorder.events.size() == 1);
        assertThat(recorder.events).extracting(Event::name).containsExactly("second");
    }

    @Test
    void reusesTheSameFifoAfterCloseAndReopen() throws IOException {
        RecordingFifoCallback first = new RecordingFifoCallback();
        ParentFifo fifo = open(ParentFifoConfig.inStateDir(stateDir), first);
        Path path = stateDir.resolve("parent");
        Object inode = Files.readAttributes(path, BasicFileAttributes.class).fileKey();

        fifo.close();

        assertThat(fifo.isOpen()).isFalse();
        assertThat(first.signals).containsExactly("start", "complete");
        assertThat(Fifos.isFifo(path)).as("the FIFO stays after close").isTrue();

        RecordingFifoCallback second = new RecordingFifoCallback();
        open(ParentFifoConfig.inStateDir(stateDir), second);
        write("[\"after-restart\"]\n");

        await().atMost(WAIT).until(() -> second.events.size() == 1);
        assertThat(Files.readAttributes(path, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(first.events).isEmpty();
    }

    @Test
    void canBeClosedFromItsOwnCallback() throws IOException {
        RecordingFifoCallback callback = new RecordingFifoCallback() {
            @Override
            public void onEvent(String name, byte[] payload) {
                super.onEvent(name, payload);
                try {
                    handle.get().close();
                } catch (IOException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        };
        ParentFifo fifo = open(ParentFifoConfig.inStateDir(stateDir), callback);

        write("[\"stop\"]\n");

        await().atMost(WAIT).until(() -> !fifo.isOpen());
        assertThat(callback.signals).containsExactly("start", "complete");
    }

    @Test
    void createsTheFifoWithTheConfiguredPermissions() throws IOException {
        open(ParentFifoConfig.inStateDir(stateDir.resolve("not-yet-there")).withPermissions("rw--w----"),
                new RecordingFifoCallback());

        Path path = stateDir.resolve("not-yet-there").resolve("parent");
        assertThat(Fifos.isFifo(path)).isTrue();
        assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw--w----"));
    }

    @Test
    void refusesAPathThatExistsButIsNotAFifo() throws IOException {
        Path regular = Files.writeString(stateDir.resolve("parent"), "someone's file");
        Path directory = Files.createDirectory(stateDir.resolve("dir-instead"));

        assertThatThrownBy(() -> open(ParentFifoConfig.inStateDir(stateDir), new RecordingFifoCallback()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(regular.toString())
                .hasMessageContaining("is a regular file, not a FIFO");
        assertThatThrownBy(() -> open(ParentFifoConfig.inStateDir(stateDir).withPath(directory), new RecordingFifoCallback()))
                .hasMessageContaining("is a directory, not a FIFO");
        assertThat(Files.readString(regular)).isEqualTo("someone's file");
    }

    private ParentFifo open(ParentFifoConfig config, ParentFifoCallback callback) {
        ParentFifo fifo = ParentFifo.open(config, callback, LOG);
        opened.add(fifo);
        return fifo;
    }

    /** Writes as a child does: open the FIFO, write, close it. */
    private void write(String text) throws IOException {
        try (OutputStream out = Files.newOutputStream(stateDir.resolve("parent"), StandardOpenOption.WRITE)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
