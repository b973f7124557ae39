package io.serfnode.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceRecordsTest {
    @TempDir
    Path dir;

    private final InstanceRecord web = new InstanceRecord("web", 4242, 98765, "boot-1", UnixSignal.INT,
            Duration.ofSeconds(7));

    @Test
    void readsBackWhatItWrote() throws IOException {
        InstanceRecords records = new InstanceRecords(dir);
        records.write(web);

        assertThat(records.readAll((file, e) -> { })).containsExactly(web);
    }

    @Test
    void deletesARecordOnlyForTheInstanceItDescribes() throws IOException {
        InstanceRecords records = new InstanceRecords(dir);
        records.write(web);

        records.delete("web", 1);
        assertThat(records.readAll((file, e) -> { })).containsExactly(web);

        records.delete("web", 4242);
        assertThat(records.readAll((file, e) -> { })).isEmpty();
    }

    @Test
    void reportsAndSkipsAnUnreadableRecord() throws IOException {
        InstanceRecords records = new InstanceRecords(dir);
        records.write(web);
        Files.writeString(dir.resolve("broken.instance"), "pid=12\n");
        List<Path> unreadable = new ArrayList<>();

        assertThat(records.readAll((file, e) -> unreadable.add(file))).containsExactly(web);
        assertThat(unreadable).containsExactly(dir.resolve("broken.instance"));
    }

    @Test
    void matchesOnlyTheSameProcessOfTheSameBoot() {
        assertThat(web.isAlive(new ProcStat(4242, 'S', 4242, 98765), "boot-1")).isTrue();
        assertThat(web.isAlive(new ProcStat(4242, 'S', 4242, 98766), "boot-1")).as("reused pid").isFalse();
        assertThat(web.isAlive(new ProcStat(4242, 'S', 4242, 98765), "boot-2")).as("after reboot").isFalse();
        assertThat(web.isAlive(new ProcStat(4242, 'Z', 4242, 98765), "boot-1")).as("zombie").isFalse();
    }
}
