package io.serfnode.agent.devif;

import static io.serfnode.agent.devif.Views.SELF;
import static io.serfnode.agent.devif.Views.plain;
import static io.serfnode.agent.devif.Views.serfnode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicReplaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void readersNeverSeeAPartialFileWhileViewsChange() throws Exception {
        DeveloperFiles files = new DeveloperFiles(DeveloperFilesConfig.inStateDir(stateDir), ComponentLog.of(SELF, "devif"));
        DeveloperView small = new DeveloperView(SELF, List.of(serfnode(SELF, "127.0.0.11", "web", "1")), List.of());
        List<Member> many = new ArrayList<>();
        many.add(serfnode(SELF, "127.0.0.11", "web", "1"));
        for (int i = 0; i < 60; i++) {
            many.add(i % 2 == 0 ? serfnode("member-" + i, "127.0.1." + i, "role-" + (i % 7) + " web", "" + (i + 2))
                    : plain("member-" + i, "127.0.1." + i));
        }
        DeveloperView large = new DeveloperView(SELF, many, List.of());
        files.write(small);
        Path byId = stateDir.resolve("serfnodes_by_id.json");
        Path hosts = stateDir.resolve("hosts");
        Set<String> hostsVersions = Set.of(HostsLines.text(HostsLines.of(small)), HostsLines.text(HostsLines.of(large)));

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        List<String> problems = new CopyOnWriteArrayList<>();
        Set<Integer> sizesSeen = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            while (writing.get() || reads.get() == 0) {
                try {
                    sizesSeen.add(JSON.readTree(Files.readAllBytes(byId)).size());
                    String hostsText = Files.readString(hosts, StandardCharsets.UTF_8);
                    if (!hostsVersions.contains(hostsText)) {
                        problems.add("hosts held neither version: " + hostsText.length() + " chars");
                    }
                    reads.incrementAndGet();
                } catch (NoSuchFileException missing) {
                    problems.add("a file was missing for a moment: " + missing.getFile());
                } catch (Exception partial) {
                    problems.add(partial.toString());
                }
            }
        }, "continuous-reader");
        reader.start();
        try {
            for (int round = 0; round < 100; round++) {
                files.write(round % 2 == 0 ? large : small);
            }
        } finally {
            writing.set(false);
            reader.join();
        }

        assertThat(problems).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(sizesSeen).isSubsetOf(1, 61);
    }
}
