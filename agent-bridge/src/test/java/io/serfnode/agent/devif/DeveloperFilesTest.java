package io.serfnode.agent.devif;

import static io.serfnode.agent.devif.Views.SELF;
import static io.serfnode.agent.devif.Views.plain;
import static io.serfnode.agent.devif.Views.runningChild;
import static io.serfnode.agent.devif.Views.serfnode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeveloperFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    private DeveloperFiles files;

    private final Member alpha = serfnode(SELF, "127.0.0.11", "web", "1714557600.5");
    private final Member beta = serfnode("beta", "127.0.0.12", "web db", "1714550000");
    private final Member gamma = plain("gamma", "127.0.0.13");

    @BeforeEach
    void createFiles() {
        files = new DeveloperFiles(DeveloperFilesConfig.inStateDir(stateDir), ComponentLog.of(SELF, "devif"));
    }

    @Test
    void followsJoinLeaveFailAndUpdateWithAPlainSerfMemberPresent() throws IOException {
        files.write(view(alpha));
        assertThat(hosts()).containsExactly("127.0.0.11 web", "127.0.0.11 alpha");
        assertThat(byId().fieldNames()).toIterable().containsExactly("alpha");
        assertThat(byRole().get("web")).extracting(node -> node.get("id").asText()).containsExactly("alpha");

        // beta (older, web and db) and a plain serf member join
        files.write(view(alpha, beta, gamma));
        assertThat(hosts()).containsExactly(
                "127.0.0.12 db", "127.0.0.12 web", "127.0.0.11 alpha", "127.0.0.12 beta", "127.0.0.13 gamma");
        assertThat(byId().fieldNames()).toIterable().containsExactly("alpha", "beta", "gamma");
        JsonNode plainEntry = byId().get("gamma");
        assertThat(plainEntry.get("role").asText()).isEmpty();
        assertThat(plainEntry.get("roles")).isEmpty();
        assertThat(plainEntry.get("tags")).isEmpty();
        assertThat(plainEntry.get("service_ip").asText()).isEqualTo("127.0.0.13");
        assertThat(plainEntry.get("timestamp").isNull()).isTrue();
        assertThat(byRole().fieldNames()).toIterable().containsExactly("db", "web");
        assertThat(byRole().get("web")).extracting(node -> node.get("id").asText()).containsExactly("beta", "alpha");
        assertThat(byRole().get("db")).extracting(node -> node.get("id").asText()).containsExactly("beta");

        // beta leaves: web falls back to alpha, db disappears
        files.write(view(alpha, beta.withStatus(MemberStatus.LEFT), gamma));
        assertThat(hosts()).containsExactly("127.0.0.11 web", "127.0.0.11 alpha", "127.0.0.13 gamma");
        assertThat(byId().fieldNames()).toIterable().containsExactly("alpha", "gamma");
        assertThat(byRole().fieldNames()).toIterable().containsExactly("web");

        // the plain member fails
        files.write(view(alpha, beta.withStatus(MemberStatus.LEFT), gamma.withStatus(MemberStatus.FAILED)));
        assertThat(hosts()).containsExactly("127.0.0.11 web", "127.0.0.11 alpha");
        assertThat(byId().fieldNames()).toIterable().containsExactly("alpha");

        // alpha takes a second role and publishes a service address
        Member updated = alpha.withTags(Map.of("role", "web cache", "timestamp", "1714557600.5",
                "service", "127.0.0.99", "service_port", "8443", "ports", "80t8080,8081|53u5353"));
        files.write(view(updated));
        assertThat(hosts()).containsExactly("127.0.0.99 cache", "127.0.0.99 web", "127.0.0.99 alpha");
        JsonNode entry = byId().get("alpha");
        assertThat(entry.get("serf_ip").asText()).isEqualTo("127.0.0.11");
        assertThat(entry.get("serf_port").asInt()).isEqualTo(7946);
        assertThat(entry.get("service_ip").asText()).isEqualTo("127.0.0.99");
        assertThat(entry.get("service_port").asInt()).isEqualTo(8443);
        assertThat(entry.get("role").asText()).isEqualTo("web cache");
        assertThat(entry.get("timestamp").asText()).isEqualTo("1714557600.5");
        assertThat(entry.get("ports").get("80/tcp")).extracting(JsonNode::asText).containsExactly("8080", "8081");
        assertThat(entry.get("ports").get("53/udp")).extracting(JsonNode::asText).containsExactly("5353");
        assertThat(byRole().fieldNames()).toIterable().containsExactly("cache", "web");
    }

    @Test
    void describesThisMemberAndItsChildren() throws IOException {
        DeveloperView view = view(alpha, beta).withChildren(List.of(runningChild("worker", 4242), runningChild("api", 4343)));
        files.write(view);

        JsonNode me = read("me.json");
        assertThat(me.get("id").asText()).isEqualTo(SELF);
        assertThat(me.get("node").get("roles")).extracting(JsonNode::asText).containsExactly("web");
        assertThat(me.get("children").fieldNames()).toIterable().containsExactly("api", "worker");
        JsonNode children = read("children_by_name.json");
        assertThat(children.fieldNames()).toIterable().containsExactly("api", "worker");
        JsonNode worker = children.get("worker");
        assertThat(worker.get("child").get("exec").asText()).isEqualTo("/usr/bin/worker --serve");
        assertThat(worker.get("status").get("state").asText()).isEqualTo("RUNNING");
        assertThat(worker.get("status").get("pid").asLong()).isEqualTo(4242);
        assertThat(worker.get("status").get("since").asText()).isEqualTo("2024-05-01T10:00:02Z");
    }

    @Test
    void writesMeBeforeSerfKnowsThisMember() throws IOException {
        files.write(DeveloperView.empty(SELF));

        assertThat(read("me.json").get("node").isNull()).isTrue();
        assertThat(read("serfnodes_by_id.json")).isEmpty();
        assertThat(hosts()).isEmpty();
    }

    @Test
    void leavesNamesThatAreNotHostNamesOutOfHosts() throws IOException {
        Member oddName = serfnode("odd name", "127.0.0.14", "web+api under_score", "1");
        files.write(view(alpha, oddName));

        assertThat(hosts()).containsExactly("127.0.0.14 under_score", "127.0.0.11 web", "127.0.0.11 alpha");
        assertThat(byId().fieldNames()).toIterable().containsExactly("alpha", "odd name");
        assertThat(byRole().fieldNames()).toIterable().containsExactly("under_score", "web", "web+api");
    }

    @Test
    void ordersMembersWithoutStartTimeAfterThoseWithOneAndByName() throws IOException {
        Member early = serfnode("zulu", "127.0.0.21", "web", "100");
        Member noTimeB = plain("bravo", "127.0.0.22").withTags(Map.of("role", "web"));
        Member noTimeA = plain("able", "127.0.0.23").withTags(Map.of("role", "web", "timestamp", "not a time"));
        files.write(view(noTimeB, noTimeA, early));

        assertThat(byRole().get("web")).extracting(node -> node.get("id").asText())
                .containsExactly("zulu", "able", "bravo");
        assertThat(hosts()).first().isEqualTo("127.0.0.21 web");
    }

    @Test
    void doesNotRewriteFilesWhoseContentIsUnchanged() throws IOException {
        DeveloperView view = view(alpha, beta, gamma).withChildren(List.of(runningChild("worker", 4242)));
        assertThat(files.write(view)).hasSize(5);
        Map<Path, BasicFileAttributes> before = attributes();

        assertThat(files.write(view)).isEmpty();
        assertThat(attributes()).allSatisfy((path, now) -> {
            assertThat(now.fileKey()).as(path + " inode").isEqualTo(before.get(path).fileKey());
            assertThat(now.lastModifiedTime()).as(path + " mtime").isEqualTo(before.get(path).lastModifiedTime());
        });

        List<Path> written = files.write(view.withChildren(List.of(runningChild("worker", 5151))));
        assertThat(written).extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder("me.json", "children_by_name.json");
        assertThat(attributes().get(stateDir.resolve("hosts")).fileKey())
                .isEqualTo(before.get(stateDir.resolve("hosts")).fileKey());
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        files.write(view(alpha, beta));
        files.write(view(alpha));

        try (Stream<Path> entries = Files.list(stateDir)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(
                    "hosts", "serfnodes_by_id.json", "serfnodes_by_role.json", "me.json", "children_by_name.json");
        }
    }

    @Test
    void makesFilesReadableByChildrenOfOtherUsers() throws IOException {
        files.write(view(alpha));

        assertThat(Files.getPosixFilePermissions(stateDir.resolve("hosts")))
                .containsAll(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static DeveloperView view(Member... members) {
        return new DeveloperView(SELF, List.of(members), List.of());
    }

    private List<String> hosts() throws IOException {
        return Files.readAllLines(stateDir.resolve("hosts"));
    }

    private JsonNode byId() throws IOException {
        return read("serfnodes_by_id.json");
    }

    private JsonNode byRole() throws IOException {
        return read("serfnodes_by_role.json");
    }

    private JsonNode read(String name) throws IOException {
        return JSON.readTree(stateDir.resolve(name).toFile());
    }

    private Map<Path, BasicFileAttributes> attributes() throws IOException {
        Map<Path, BasicFileAttributes> attributes = new java.util.HashMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> entries = Files.list(stateDir)) {
            entries.forEach(paths::add);
        }
        for (Path path : paths) {
            attributes.put(path, Files.readAttributes(path, BasicFileAttributes.class));
        }
        return attributes;
    }
}
