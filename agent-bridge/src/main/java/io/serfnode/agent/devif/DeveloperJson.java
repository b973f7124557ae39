package io.serfnode.agent.devif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisedChild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON files of the developer interface, in the shapes of the original Serfnode where they were sound.
 * Keys are sorted and lists have a fixed order, so the same view always gives the same bytes and an
 * unchanged file is recognised and not rewritten.
 *
 * <p>A member entry (in {@code serfnodes_by_id.json}, {@code serfnodes_by_role.json} and {@code me.json}):
 * {@code id} (serf node name), {@code role} (the {@code role} tag as written, {@code ""} without one),
 * {@code roles}, {@code serf_ip}, {@code serf_port}, {@code service_ip} ({@code service} tag, else the serf
 * address), {@code service_port} (number or null), {@code timestamp} (the start-time tag as written, or
 * null), {@code ports} (the original's decoded {@code ports} tag, {@code {}} without one), {@code status},
 * {@code tags} (all of them) and {@code ws} (WebSocket API address or null).
 *
 * <p>Only alive members are listed by id and by role, as in the original: these files are for finding
 * services, and a left or failed member serves nothing. By role, members are oldest first
 * ({@link OldestFirst}); a member with several roles is listed under each, one without roles under none.
 */
final class DeveloperJson {
    static final String BY_ID = "serfnodes_by_id.json";
    static final String BY_ROLE = "serfnodes_by_role.json";
    static final String ME = "me.json";
    static final String CHILDREN = "children_by_name.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("serfnode-devif").addSerializer(Instant.class, new InstantAsText()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private DeveloperJson() {
    }

    /** Every JSON file for this view, by file name. */
    static Map<String, byte[]> files(DeveloperView view) {
        List<Member> alive = view.members().stream()
                .filter(member -> member.status() == MemberStatus.ALIVE)
                .sorted(OldestFirst.INSTANCE)
                .toList();
        Map<String, byte[]> files = new TreeMap<>();
        files.put(BY_ID, bytes(byId(alive)));
        files.put(BY_ROLE, bytes(byRole(alive)));
        files.put(ME, bytes(me(view)));
        files.put(CHILDREN, bytes(childrenByName(view.children())));
        return files;
    }

    private static ObjectNode byId(List<Member> alive) {
        ObjectNode byId = NODES.objectNode();
        alive.stream()
                .sorted(Comparator.comparing(Member::name))
                .forEach(member -> byId.set(member.name(), entry(member)));
        return byId;
    }

    private static ObjectNode byRole(List<Member> aliveOldestFirst) {
        Map<String, ArrayNode> roles = new TreeMap<>();
        for (Member member : aliveOldestFirst) {
            for (String role : member.roles()) {
                roles.computeIfAbsent(role, any -> NODES.arrayNode()).add(entry(member));
            }
        }
        ObjectNode byRole = NODES.objectNode();
        roles.forEach(byRole::set);
        return byRole;
    }

    private static ObjectNode me(DeveloperView view) {
        ObjectNode me = NODES.objectNode();
        me.set("children", childrenByName(view.children()));
        me.put("id", view.self());
        me.set("node", view.selfMember().<JsonNode>map(DeveloperJson::entry).orElse(NODES.nullNode()));
        return me;
    }

    private static ObjectNode childrenByName(List<SupervisedChild> children) {
        ObjectNode byName = NODES.objectNode();
        children.stream()
                .sorted(Comparator.comparing(child -> child.child().name()))
                .forEach(child -> byName.set(child.child().name(), MAPPER.valueToTree(child)));
        return byName;
    }

    private static ObjectNode entry(Member member) {
        ObjectNode entry = NODES.objectNode();
        entry.put("id", member.name());
        ObjectNode ports = entry.putObject("ports");
        DeveloperTags.ports(member).forEach((port, hostPorts) -> {
            ArrayNode list = ports.putArray(port);
            hostPorts.forEach(list::add);
        });
        entry.put("role", member.tags().getOrDefault("role", ""));
        ArrayNode roles = entry.putArray("roles");
        member.roles().forEach(roles::add);
        entry.put("serf_ip", member.address());
        entry.put("serf_port", member.port());
        entry.put("service_ip", DeveloperTags.serviceIp(member));
        if (DeveloperTags.servicePort(member).isPresent()) {
            entry.put("service_port", DeveloperTags.servicePort(member).getAsInt());
        } else {
            entry.putNull("service_port");
        }
        entry.put("status", member.status().serfName());
        ObjectNode tags = entry.putObject("tags");
        new TreeMap<>(member.tags()).forEach(tags::put);
        entry.put("timestamp", member.tags().get(DeveloperTags.STARTED));
        entry.put("ws", member.wsAddress().orElse(null));
        return entry;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            String text = MAPPER.writeValueAsString(node) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException("could not write developer interface JSON", impossible);
        }
    }

    /** ISO-8601 in UTC, as on the WebSocket wire. */
    private static final class InstantAsText extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toString());
        }
    }
}
