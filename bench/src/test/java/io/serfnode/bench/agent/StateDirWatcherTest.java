package io.serfnode.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirWatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START = 1_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void isReadyOnceTheSeedIsAliveAndEveryChildRuns() throws Exception {
        StateDirWatcher watcher = new StateDirWatcher(stateDir, "seed", List.of("c1", "c2"), START);

        watcher.poll(at(100));
        write("serfnodes_by_id.json", Map.of("me", member("alive")));
        write("children_by_name.json", children("RUNNING", "STARTING"));
        watcher.poll(at(200));
        write("serfnodes_by_id.json", Map.of("me", member("alive"), "seed", member("alive")));
        watcher.poll(at(300));
        assertThat(watcher.ready()).isNotDone();
        write("children_by_name.json", children("RUNNING", "RUNNING"));
        watcher.poll(at(450));

        assertThat(watcher.ready()).isCompletedWithValue(new StartTimeline(Double.NaN, 200, 300, 450));
    }

    @Test
    void failsWhenAChildBacksOffWhileStarting() throws Exception {
        StateDirWatcher watcher = new StateDirWatcher(stateDir, "seed", List.of("c1", "c2"), START);

        write("children_by_name.json", children("RUNNING", "BACKOFF"));
        watcher.poll(at(100));

        assertThat(watcher.ready()).isCompletedExceptionally();
        assertThat(watcher.ready().exceptionNow()).hasMessageContaining("child 'c2' went to BACKOFF");
    }

    @Test
    void aSeedThatIsNotAliveIsNotJoined() throws Exception {
        StateDirWatcher watcher = new StateDirWatcher(stateDir, "seed", List.of(), START);

        write("serfnodes_by_id.json", Map.of("seed", member("failed")));
        watcher.poll(at(100));

        assertThat(watcher.ready()).isNotDone();
    }

    @Test
    void aLoneMemberWithoutChildrenIsReadyWhenItSeesItself() throws Exception {
        StateDirWatcher watcher = new StateDirWatcher(stateDir, "seed", List.of(), START);

        write("serfnodes_by_id.json", Map.of("seed", member("alive")));
        watcher.poll(at(70));

        assertThat(watcher.ready().join().readyMs()).isEqualTo(70);
    }

    private static long at(long millis) {
        return START + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static Map<String, Object> member(String status) {
        return Map.of("status", status, "roles", List.of("bench"));
    }

    private static Map<String, Object> children(String... states) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (int i = 0; i < states.length; i++) {
            byName.put("c" + (i + 1), Map.of("status", Map.of("state", states[i])));
        }
        return byName;
    }

    /** As the agent does: a new file renamed over the old one. */
    private void write(String name, Object content) throws Exception {
        Path temporary = stateDir.resolve(name + ".tmp");
        JSON.writeValue(temporary.toFile(), content);
        Files.move(temporary, stateDir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
