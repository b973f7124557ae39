package io.serfnode.agent.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.model.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The developer interface files of one member's state directory as a test reads them, and the member entries
 * a test expects in them. A file not written yet reads as empty, so that waits can simply retry.
 */
final class MemberFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path stateDir;

    MemberFiles(Path stateDir) {
        this.stateDir = stateDir;
    }

    List<String> hosts() {
        String text = read("hosts");
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    JsonNode byId() {
        return json("serfnodes_by_id.json");
    }

    JsonNode byRole() {
        return json("serfnodes_by_role.json");
    }

    JsonNode me() {
        return json("me.json");
    }

    JsonNode childrenByName() {
        return json("children_by_name.json");
    }

    private JsonNode json(String file) {
        String text = read(file);
        if (text.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(stateDir.resolve(file) + " is not JSON: " + text, e);
        }
    }

    private String read(String file) {
        try {
            return Files.readString(stateDir.resolve(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException notYet) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateDir.resolve(file), e);
        }
    }

    /**
     * The entry of an alive Serfnode member: its roles, its gossip address as service address, the protocol
     * version tag, and the start time it gossips (taken from {@code self}, the member as it sees itself).
     */
    static ObjectNode serfnodeEntry(Member self) {
        String timestamp = self.tags().get(MemberAgent.TIMESTAMP_TAG);
        if (timestamp == null || !timestamp.matches("\\d+")) {
            throw new AssertionError(self.name() + " gossips no start time in epoch seconds: " + self.tags());
        }
        ObjectNode tags = NODES.objectNode();
        if (!self.roles().isEmpty()) {
            tags.put("role", String.join(" ", self.roles()));
        }
        tags.put("sn", "1");
        tags.put("timestamp", timestamp);
        return entry(self.name(), SerfAddress.of(self.address(), self.port()), self.roles(), tags, timestamp);
    }

    /** The entry of an alive plain serf agent: no tags, so no roles and no start time. */
    static ObjectNode plainEntry(String name, SerfAddress bind) {
        return entry(name, bind, List.of(), NODES.objectNode(), null);
    }

    private static ObjectNode entry(String name, SerfAddress bind, List<String> roles, ObjectNode tags,
            String timestamp) {
        ObjectNode entry = NODES.objectNode();
        entry.put("id", name);
        entry.putObject("ports");
        entry.put("role", String.join(" ", roles));
        ArrayNode roleList = entry.putArray("roles");
        roles.forEach(roleList::add);
        entry.put("serf_ip", bind.host());
        entry.put("serf_port", bind.port());
        entry.put("service_ip", bind.host());
        entry.putNull("service_port");
        entry.put("status", "alive");
        entry.set("tags", tags);
        entry.put("timestamp", timestamp);
        entry.putNull("ws");
        return entry;
    }

    /** {@code {"a": entryOfA, …}}. */
    static ObjectNode byIdOf(Map<String, ObjectNode> entries) {
        ObjectNode byId = NODES.objectNode();
        entries.forEach(byId::set);
        return byId;
    }

    /** {@code {"role": [entry, …], …}} with each list in the order given. */
    static ObjectNode byRoleOf(Map<String, List<ObjectNode>> entries) {
        ObjectNode byRole = NODES.objectNode();
        entries.forEach((role, members) -> {
            ArrayNode list = byRole.putArray(role);
            members.forEach(list::add);
        });
        return byRole;
    }
}
